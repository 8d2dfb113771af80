/** The arrow a sortable header shows: up, down, or both ways when the list is sorted by another column. */
export function SortArrow({ sorted }: { sorted: "asc" | "desc" | null }) {
  return <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>;
}

export function ariaSort(sorted: "asc" | "desc" | null): "ascending" | "descending" | undefined {
  return sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined;
}
