// Sort the case matrix by a column (click its heading) and filter its rows (type in the box above it, or keep one
// problem family with the menu beside it).
document$.subscribe(({ body }) => {
  for (const container of body.querySelectorAll(".case-matrix")) {
    const table = container.querySelector("table");
    if (!table || container.dataset.enhanced) continue;
    container.dataset.enhanced = "true";

    const filter = document.createElement("input");
    filter.type = "search";
    filter.placeholder = "Filter cases (e.g. ranking, streaming, recall)";
    filter.className = "case-matrix__filter md-input";
    filter.setAttribute("aria-label", "Filter the case matrix");
    container.insertBefore(filter, container.firstChild);

    // A family menu built from the Family column, so a reader can keep one problem family.
    const familyColumn = [...table.tHead.rows[0].cells].findIndex((cell) => cell.textContent.trim() === "Family");
    const family = document.createElement("select");
    family.className = "case-matrix__family md-input";
    family.setAttribute("aria-label", "Show one problem family");
    family.append(new Option("All problem families", ""));
    const names = new Set([...table.tBodies[0].rows].map((row) => row.cells[familyColumn]?.textContent.trim() ?? ""));
    for (const name of [...names].filter(Boolean).sort()) family.append(new Option(name, name));
    if (familyColumn >= 0) container.insertBefore(family, filter.nextSibling);

    const rows = () => [...table.tBodies[0].rows];
    const apply = () => {
      const needle = filter.value.trim().toLowerCase();
      for (const row of rows()) {
        const textMatches = needle === "" || row.textContent.toLowerCase().includes(needle);
        const familyMatches = family.value === "" || row.cells[familyColumn]?.textContent.trim() === family.value;
        row.hidden = !(textMatches && familyMatches);
      }
    };
    filter.addEventListener("input", apply);
    family.addEventListener("change", apply);

    [...table.tHead.rows[0].cells].forEach((heading, column) => {
      heading.style.cursor = "pointer";
      heading.title = "Sort by this column";
      heading.addEventListener("click", () => {
        const ascending = heading.dataset.sort !== "ascending";
        for (const other of table.tHead.rows[0].cells) delete other.dataset.sort;
        heading.dataset.sort = ascending ? "ascending" : "descending";
        const key = (row) => row.cells[column].textContent.trim();
        const sorted = rows().sort((a, b) => {
          const [x, y] = [key(a), key(b)];
          const [nx, ny] = [parseFloat(x), parseFloat(y)];
          const order = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
          return ascending ? order : -order;
        });
        table.tBodies[0].append(...sorted);
      });
    });
  }
});
