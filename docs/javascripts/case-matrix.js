// Sort the case matrix by a column (click its heading) and filter its rows (type in the box above it).
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

    const rows = () => [...table.tBodies[0].rows];
    filter.addEventListener("input", () => {
      const needle = filter.value.trim().toLowerCase();
      for (const row of rows()) row.hidden = needle !== "" && !row.textContent.toLowerCase().includes(needle);
    });

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
