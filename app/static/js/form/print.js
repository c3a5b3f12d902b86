// The print view's "Cetak" button (inline handlers are not allowed by the CSP).
document.getElementById("print-button")?.addEventListener("click", () => window.print());
