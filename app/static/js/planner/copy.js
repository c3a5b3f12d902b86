// "Copy" buttons: copy the text of the element named by data-copy. Without JS the text stays
// selectable in its read-only field, so the button is shown only when this script runs.
for (const button of document.querySelectorAll("button[data-copy]")) {
  const source = document.getElementById(button.dataset.copy);
  if (!source || !navigator.clipboard) continue;
  button.hidden = false;
  const label = button.textContent;
  button.addEventListener("click", async () => {
    await navigator.clipboard.writeText(source.value ?? source.textContent);
    button.textContent = button.dataset.done || label;
    setTimeout(() => { button.textContent = label; }, 2000);
  });
}
