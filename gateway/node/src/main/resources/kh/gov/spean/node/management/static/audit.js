"use strict";
const form = document.getElementById("filters");

function instant(local) {
  return local ? new Date(local).toISOString() : "";
}

function query() {
  const data = new FormData(form);
  const parameters = new URLSearchParams();
  for (const [name, value] of data) {
    const given = name === "from" || name === "to" ? instant(value) : value.trim();
    if (given) parameters.set(name, given);
  }
  return parameters;
}

function cell(row, text) {
  const td = document.createElement("td");
  td.textContent = text == null ? "" : text;
  row.appendChild(td);
}

function mark(check) {
  const span = document.createElement("span");
  if (!check) {
    span.className = "mark pending";
    span.textContent = "not yet checkpointed";
  } else {
    span.className = "mark " + (check.verified ? "verified" : "failed");
    span.textContent = check.verified ? "verified" : "failed";
    span.title = check.detail;
  }
  return span;
}

function section(title, check, lines) {
  const part = document.createElement("section");
  const heading = document.createElement("h3");
  heading.textContent = title + " ";
  if (check !== undefined) heading.appendChild(mark(check));
  part.appendChild(heading);
  if (check && check.detail) {
    const detail = document.createElement("div");
    detail.textContent = check.detail;
    part.appendChild(detail);
  }
  if (lines) {
    const pre = document.createElement("pre");
    pre.textContent = lines;
    part.appendChild(pre);
  }
  return part;
}

// The unusual accesses an entry raised (decision 0059): one marker each, the official and what was counted in its title.
function unusual(anomalies) {
  const td = document.createElement("td");
  for (const anomaly of anomalies || []) {
    const span = document.createElement("span");
    span.className = "mark anomaly";
    span.textContent = anomaly.kind.replaceAll("_", " ");
    span.title = anomaly.official + ": " + anomaly.detail;
    td.appendChild(span);
  }
  return td;
}

async function open(index, row) {
  document.querySelectorAll("#entries tr.open").forEach(r => r.classList.remove("open"));
  row.classList.add("open");
  const panel = document.getElementById("evidence");
  panel.hidden = false;
  panel.textContent = "Loading entry " + index + "…";
  const response = await fetch("/audit/entries/" + index);
  const evidence = await response.json();
  panel.textContent = "";
  const title = document.createElement("h2");
  title.textContent = "Entry " + index + " — " + evidence.entry.kind + " " + (evidence.entry.envelopeId || "");
  panel.appendChild(title);
  let header = evidence.header;
  try { header = JSON.stringify(JSON.parse(evidence.header), null, 2); } catch (e) { /* shown as recorded */ }
  panel.appendChild(section("Envelope header", undefined, header || "(none: this entry records no envelope)"));
  panel.appendChild(section("Signature", evidence.signature,
      (evidence.signer ? "Signer certificate: " + evidence.signer + "\n" : "") +
      "Signer certificate SHA-256: " + (evidence.entry.signer || "") + "\nSignature (CMS, base64): " + (evidence.entry.signature || "")));
  panel.appendChild(section("Checkpoint" + (evidence.checkpointSize ? " of size " + evidence.checkpointSize : ""),
      evidence.checkpoint, evidence.checkpointText || ""));
  if (evidence.timestampedAt) {
    panel.appendChild(section("Timestamp", undefined, "RFC 3161 time: " + evidence.timestampedAt));
  }
  panel.appendChild(section("Inclusion proof", evidence.inclusion,
      "Leaf hash: " + evidence.leafHash + (evidence.auditPath ? "\nAudit path:\n  " + evidence.auditPath.join("\n  ") +
      "\nRoot: " + evidence.rootHash : "")));
}

async function search(event) {
  if (event) event.preventDefault();
  const parameters = query();
  document.getElementById("export").href = "/audit/export?" + parameters.toString();
  const status = document.getElementById("status");
  status.textContent = "Searching…";
  const response = await fetch("/audit/entries?" + parameters.toString());
  const answer = await response.json();
  if (!response.ok) {
    status.textContent = answer.detail || answer.title;
    return;
  }
  const body = document.getElementById("entries");
  body.textContent = "";
  for (const entry of answer.entries) {
    const row = document.createElement("tr");
    row.dataset.index = entry.index;
    [entry.index, entry.recordedAt, entry.kind, entry.sender, entry.recipient, entry.client, entry.service, entry.result]
        .forEach(text => cell(row, text));
    row.appendChild(unusual(entry.anomalies));
    if (entry.anomalies) row.classList.add("unusual");
    row.addEventListener("click", () => open(entry.index, row));
    body.appendChild(row);
  }
  status.textContent = answer.entries.length + " entries, newest first";
}

form.addEventListener("submit", search);
search();
