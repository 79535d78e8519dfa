import type { Control, Framework } from "../types";

type Technique = [id: string, title: string, tactic: string, inContainersMatrix?: false];

// The ATT&CK Containers matrix, plus the Enterprise techniques Tower's detections cite (marked false). A technique is
// listed under the first tactic the matrix gives it. Sub-techniques appear where a rule or detection names them.
const TECHNIQUES: Technique[] = [
  ["T1190", "Exploit Public-Facing Application", "Initial Access"],
  ["T1133", "External Remote Services", "Initial Access"],
  ["T1078", "Valid Accounts", "Initial Access"],
  ["T1078.001", "Valid Accounts: Default Accounts", "Initial Access"],
  ["T1078.003", "Valid Accounts: Local Accounts", "Initial Access"],
  ["T1078.004", "Valid Accounts: Cloud Accounts", "Initial Access", false],
  ["T1609", "Container Administration Command", "Execution"],
  ["T1610", "Deploy Container", "Execution"],
  ["T1053.007", "Scheduled Task/Job: Container Orchestration Job", "Execution"],
  ["T1204.003", "User Execution: Malicious Image", "Execution"],
  ["T1059", "Command and Scripting Interpreter", "Execution", false],
  ["T1098", "Account Manipulation", "Persistence"],
  ["T1098.006", "Account Manipulation: Additional Container Cluster Roles", "Persistence"],
  ["T1136", "Create Account", "Persistence"],
  ["T1543.005", "Create or Modify System Process: Container Service", "Persistence"],
  ["T1525", "Implant Internal Image", "Persistence"],
  ["T1546", "Event Triggered Execution", "Persistence", false],
  ["T1068", "Exploitation for Privilege Escalation", "Privilege Escalation"],
  ["T1611", "Escape to Host", "Privilege Escalation"],
  ["T1548", "Abuse Elevation Control Mechanism", "Privilege Escalation", false],
  ["T1134", "Access Token Manipulation", "Privilege Escalation", false],
  ["T1612", "Build Image on Host", "Defense Evasion"],
  ["T1562.001", "Impair Defenses: Disable or Modify Tools", "Defense Evasion"],
  ["T1562.008", "Impair Defenses: Disable or Modify Cloud Logs", "Defense Evasion", false],
  ["T1070", "Indicator Removal", "Defense Evasion"],
  ["T1036.005", "Masquerading: Match Legitimate Resource Name or Location", "Defense Evasion"],
  ["T1550.001", "Use Alternate Authentication Material: Application Access Token", "Defense Evasion"],
  ["T1222", "File and Directory Permissions Modification", "Defense Evasion", false],
  ["T1110", "Brute Force", "Credential Access"],
  ["T1528", "Steal Application Access Token", "Credential Access"],
  ["T1552", "Unsecured Credentials", "Credential Access"],
  ["T1552.001", "Unsecured Credentials: Credentials In Files", "Credential Access"],
  ["T1552.005", "Unsecured Credentials: Cloud Instance Metadata API", "Credential Access", false],
  ["T1552.007", "Unsecured Credentials: Container API", "Credential Access"],
  ["T1649", "Steal or Forge Authentication Certificates", "Credential Access", false],
  ["T1613", "Container and Resource Discovery", "Discovery"],
  ["T1046", "Network Service Discovery", "Discovery"],
  ["T1069", "Permission Groups Discovery", "Discovery"],
  ["T1069.003", "Permission Groups Discovery: Cloud Groups", "Discovery", false],
  ["T1087.004", "Account Discovery: Cloud Account", "Discovery", false],
  ["T1595.003", "Active Scanning: Wordlist Scanning", "Reconnaissance", false],
  ["T1572", "Protocol Tunneling", "Command and Control", false],
  ["T1557", "Adversary-in-the-Middle", "Credential Access", false],
  ["T1005", "Data from Local System", "Collection", false],
  ["T1530", "Data from Cloud Storage", "Collection", false],
  ["T1485", "Data Destruction", "Impact"],
  ["T1489", "Service Stop", "Impact", false],
  ["T1490", "Inhibit System Recovery", "Impact"],
  ["T1496", "Resource Hijacking", "Impact"],
  ["T1499", "Endpoint Denial of Service", "Impact"],
  ["T1565.001", "Data Manipulation: Stored Data Manipulation", "Impact", false],
];

const toControl = ([id, title, tactic, inMatrix]: Technique): Control => ({
  id,
  title,
  section: tactic,
  assessable: "yes",
  notes:
    "Pass means no mapped rule found an exposure (and, with audit data, no mapped detection fired). " +
    (inMatrix === false ? "Enterprise ATT&CK technique outside the Containers matrix, cited by a Tower detection." : "ATT&CK Containers matrix."),
});

export const MITRE: Framework = {
  id: "mitre-containers-17",
  key: "mitre",
  name: "MITRE ATT&CK for Containers",
  version: "ATT&CK v17",
  source: "Techniques of the ATT&CK Containers matrix and the Enterprise techniques Tower's rules and detections cite.",
  controls: TECHNIQUES.map(toControl),
};
