// The round page's background jobs: poll each running job's status (the JSON twin) and show its
// progress; reload the page when one ends, so its download link (or its error) appears.
const POLL_MS = 2000;

function update(row, job) {
  const bar = row.querySelector("progress");
  const text = row.querySelector(".job-progress");
  if (bar) bar.value = job.percent;
  if (text) text.textContent = job.progress_text;
}

async function poll(row) {
  try {
    const answer = await fetch(row.dataset.statusUrl, { headers: { Accept: "application/json" } });
    if (!answer.ok) return;
    const job = await answer.json();
    if (job.state === "done" || job.state === "failed") {
      window.location.reload();
      return;
    }
    update(row, job);
  } catch (error) {
    // offline for a moment: the next poll tries again
  }
  window.setTimeout(() => poll(row), POLL_MS);
}

for (const row of document.querySelectorAll("tr[data-status-url]")) {
  window.setTimeout(() => poll(row), POLL_MS);
}
