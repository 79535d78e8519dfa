import type { ReportDocument } from "../document";
import { ensureSpace, heading, LEFT, paragraph, plain } from "./layout";

const MAPPING: Record<string, string> = {
  cis: "A rule assesses a CIS control when its refs.cis lists the control id.",
  nsa: "A rule assesses an NSA/CISA control when its refs.nsa lists the id, or (for C-xxxx controls, which are Kubescape's controls of its NSA framework) its refs.kubescape does.",
  pss: "A rule assesses a PSS control when it checks pod specs, claims the control's level in refs.pss, and names one of the fields the control restricts in its description or remediation.",
  mitre: "A rule or audit detection assesses an ATT&CK technique when its refs.mitre lists the technique or one of its sub-techniques. Detections count only when audit events were analysed.",
};

export const renderAppendix = (doc: PDFKit.PDFDocument, report: ReportDocument) => {
  doc.addPage();
  heading(doc, "Appendix: method");
  paragraph(doc, `Score: ${report.summary.scoreFormula}.`);
  paragraph(doc, `Mapping: ${MAPPING[report.frameworkKey] ?? ""} The mapping is read from the rule and detection registries at run time, never from a table of rule ids.`);
  paragraph(doc, "Statuses: pass (mapped rules ran on objects and found nothing); fail (a mapped rule found a resource, or a mapped detection fired); partial (nothing found, but a mapped rule could not run, Tower could not read a kind the rules need, or the control is only partly visible in the API); not-assessable (needs node access, or no rule maps to it); not-applicable (no object of the kinds the mapped rules check).");
  paragraph(doc, `Controls: ${plain(report.frameworkSource)}`);
  heading(doc, "Coverage gaps", 12);
  if (!report.coverageGaps.length) paragraph(doc, "None: every kind the rules need could be read (or the input was files, where nothing is hidden).");
  for (const g of report.coverageGaps) paragraph(doc, `${g.kind}: ${g.reason}`, 8);
  heading(doc, "Controls Tower does not assess", 12);
  for (const c of report.controls.filter((x) => x.status === "not-assessable")) {
    ensureSpace(doc, 20);
    doc.x = LEFT;
    paragraph(doc, `${c.id} ${c.title}: ${c.reason}`, 8);
  }
};
