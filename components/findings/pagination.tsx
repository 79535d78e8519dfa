export function Pagination({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total ? (page - 1) * pageSize + 1 : 0;
  return (
    <div className="pagination row">
      <span className="muted" data-testid="finding-total">{from}–{Math.min(page * pageSize, total)} of {total}</span>
      <button className="btn" type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>Previous</button>
      <span className="muted small">page {page} of {pages}</span>
      <button className="btn" type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>Next</button>
    </div>
  );
}
