"""Property tests: whatever the label text and the graph, the generated Mermaid parses with the real vendored
Mermaid, renders, shows the text as written, and injects no element into the page."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from browser_pages import new_page

import diagram_fixtures  # noqa: F401  (puts scripts/ on sys.path)
from diagram_pipeline import mermaid
from diagram_pipeline.source import EDGE_KINDS, KINDS, LAYERS, MESSAGE_KINDS, Component, Diagram, Edge, Group

MERMAID_MODULE = "assets/vendor/mermaid/mermaid.esm.min.mjs"
NASTY = ['"quoted"', "[brackets]", "a | b", "#hash;", "semi; colon", "`tick`", "<script>alert(1)</script>",
         "&amp; &lt;", "emoji 🙂🚀", "x" * 300, "end", "graph", "click", "%% comment", "a-->b", "<img src=x onerror=alert(1)>",
         # Markdown emphasis: Mermaid showed "_0_" as "0" until "_" was escaped (a run of this test found it).
         "_0_", "__bold__", "*star*", "snake_case_name"]

labels = st.one_of(
    st.sampled_from(NASTY),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(lambda t: t.strip()),
)


@st.composite
def flowcharts(draw):
    count = draw(st.integers(1, 7))
    nodes = {f"n{i}": Component(f"n{i}", draw(labels), draw(st.sampled_from([k for k in KINDS])),
                                draw(st.sampled_from(LAYERS)), None, False) for i in range(count)}
    ids = list(nodes)
    edges = [Edge(draw(st.sampled_from(ids)), draw(st.sampled_from(ids)), draw(st.one_of(st.just(""), labels)),
                  draw(st.sampled_from(EDGE_KINDS))) for _ in range(draw(st.integers(0, 8)))]
    groups = []
    if count >= 2 and draw(st.booleans()):
        members = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=count, unique=True))
        groups.append(Group("g0", draw(labels), members))
    diagram = Diagram("prop/flow", "prop.yml", draw(labels), "flowchart", draw(st.sampled_from(["LR", "TB", "RL", "BT"])),
                      nodes=nodes, edges=edges, groups=groups)
    return diagram


@st.composite
def sequences(draw):
    count = draw(st.integers(2, 5))
    nodes = {f"p{i}": Component(f"p{i}", draw(labels), draw(st.sampled_from(["service", "user", "model"])),
                                "serving", None, False) for i in range(count)}
    ids = list(nodes)
    messages = [Edge(draw(st.sampled_from(ids)), draw(st.sampled_from(ids)), draw(labels),
                     draw(st.sampled_from(MESSAGE_KINDS))) for _ in range(draw(st.integers(1, 6)))]
    return Diagram("prop/seq", "prop.yml", draw(labels), "sequence", nodes=nodes, edges=messages, participants=ids)


@pytest.fixture(scope="module")
def mermaid_page(browser, site_url):
    # The vendored ES module imports its chunks relative to itself, so it is imported from the served site.
    page = new_page(browser, "light")
    page.goto(site_url + "about/license/")
    page.evaluate("""async (url) => {
      window.mermaid = (await import(url)).default;
      mermaid.initialize({ startOnLoad: false });
    }""", site_url + MERMAID_MODULE)
    yield page
    page.context.close()


RENDER = """async (text) => {
  await mermaid.parse(text);
  const id = 'd' + Math.random().toString(36).slice(2);
  const { svg } = await mermaid.render(id, text);
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const injected = [...doc.querySelectorAll('script, iframe, img, object, embed')].length
    + [...doc.querySelectorAll('*')].filter(el => [...el.attributes].some(a => a.name.startsWith('on'))).length;
  return { injected, text: doc.documentElement.textContent };
}"""


def check(page, diagram: Diagram) -> None:
    text = mermaid.render(diagram)
    result = page.evaluate(RENDER, text)
    assert result["injected"] == 0, text
    shown = " ".join(result["text"].split())
    for node in diagram.nodes.values():
        label = " ".join(node.label.split())
        # Mermaid wraps long labels across lines; compare a prefix free of wrapping.
        assert label[:20].strip() in shown or label[:20].strip() in result["text"], (label, text)


settings.register_profile("browser", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@settings(settings.get_profile("browser"))
@given(diagram=flowcharts())
def test_any_flowchart_parses_renders_and_injects_nothing(mermaid_page, diagram):
    check(mermaid_page, diagram)


@settings(settings.get_profile("browser"))
@given(diagram=sequences())
def test_any_sequence_diagram_parses_renders_and_injects_nothing(mermaid_page, diagram):
    check(mermaid_page, diagram)


def test_every_diagram_of_the_site_parses(mermaid_page):
    """The real sources, through the real renderer, parsed by the vendored Mermaid."""
    from diagram_pipeline import source as diagram_source
    from diagram_pipeline.concept_map import concept_maps
    from content_model.concepts import load_concepts

    _, diagrams, problems = diagram_source.load_all(ROOT / "diagrams", ROOT)
    assert not problems
    diagrams.update(concept_maps(load_concepts(ROOT / "docs")))
    for diagram in diagrams.values():
        mermaid_page.evaluate("async (text) => { await mermaid.parse(text); }", mermaid.render(diagram))
    assert len(diagrams) >= 10


def test_mermaid_loads_only_when_a_diagram_nears_the_viewport(browser, site_url):
    """A case page's diagrams sit far below the fold: loading the page fetches no Mermaid; scrolling to a diagram
    imports the vendored library once, with only the chunks its diagram types need, and renders the diagrams."""
    page = new_page(browser, "light")
    fetched = []
    page.on("request", lambda request: fetched.append(request.url) if "/vendor/mermaid/" in request.url else None)
    page.goto(site_url + "cases/fraud-detection/", wait_until="load")
    page.wait_for_timeout(1_000)
    assert fetched == [], f"Mermaid was fetched before any diagram was near: {fetched}"
    page.evaluate("() => document.querySelector('.mermaid').scrollIntoView()")
    page.wait_for_function("() => [...document.querySelectorAll('.mermaid')].every(h => h.shadowRoot && h.shadowRoot.querySelector('svg'))",
                           timeout=15_000)
    assert [url for url in fetched if url.endswith(MERMAID_MODULE)] == [site_url + MERMAID_MODULE]
    vendored = len(list((ROOT / "docs" / "assets" / "vendor" / "mermaid" / "chunks").rglob("*.mjs")))
    assert len(set(fetched)) == len(fetched) < vendored / 2, f"{len(fetched)} Mermaid files of {vendored + 1}"
    page.context.close()
