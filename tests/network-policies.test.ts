// Network rules and network policies through the engine against the emulator: in-place ALTERs (never a DELETE or
// a new POST for a change), lists compared as sets, rules a policy refers to, the refusal to delete a policy the
// account still uses, and invalid addresses stopped at check.
import { closeAllPools } from "../provider/client/rest-client";
import { Emulator, startEmulator } from "./emulator";
import { callEmulator } from "./support/emulator-api";
import { engineAgainst } from "./support/engine-harness";

const IN = { database: "NET_DB", schema: "PUBLIC" };
const RULES = "/api/v2/databases/NET_DB/schemas/PUBLIC/network-rules";
const POLICIES = "/api/v2/network-policies";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
  await callEmulator(emulator, "POST", "/api/v2/databases", { name: "NET_DB" });
});
afterAll(async () => {
  await closeAllPools();
  await emulator.close();
});
const get = async (path: string) => (await callEmulator(emulator, "GET", path)).body;
const changesMade = () => emulator.requestLog.filter((entry) => entry.method === "DELETE" || entry.method === "PUT" || (entry.method === "POST" && !entry.path.startsWith("/api/v2/statements")));
const statements = () => emulator.requestLog.filter((entry) => entry.method === "POST" && entry.path.startsWith("/api/v2/statements"));

test("changing a policy's allowed IP list is one ALTER NETWORK POLICY, and a reordered list shows no diff", async () => {
  const policy = engineAgainst(emulator, "NetworkPolicy");
  const declared = { name: "NET_POLICY_IPS", allowedIpList: ["192.168.1.0/24", "10.0.0.1"], blockedIpList: ["192.168.1.99"], comment: "v1" };
  const { outs } = await policy.create(declared);
  emulator.clearRequestLog();
  const changed = { ...declared, allowedIpList: ["10.0.0.1", "192.168.1.0/24", "172.16.0.0/12"] };
  expect((await policy.diff("", outs, changed)).replaces).toEqual([]);
  const updated = (await policy.update("", outs, changed)).outs;
  expect(changesMade()).toEqual([]);
  expect(statements()).toHaveLength(1);
  expect((await get(`${POLICIES}/NET_POLICY_IPS`)).allowed_ip_list).toEqual(["10.0.0.1", "192.168.1.0/24", "172.16.0.0/12"]);
  const reordered = { ...changed, allowedIpList: ["172.16.0.0/12", "192.168.1.0/24", "10.0.0.1"] };
  expect((await policy.diff("", updated, reordered)).changes).toBe(false);
  const refreshed = await policy.read("NET_POLICY_IPS", updated);
  expect((await policy.diff("", refreshed.props!, reordered)).changes).toBe(false);
});

test("a policy refers to network rules by qualified name, compared by stored name; rule values are sets", async () => {
  const rule = engineAgainst(emulator, "NetworkRule");
  const ruleDeclared = { ...IN, name: "office_ranges", type: "ipv4", mode: "ingress", valueList: ["10.1.0.0/16", "10.2.0.0/16"] };
  const created = await rule.create(ruleDeclared);
  expect(created.id).toBe("NET_DB.PUBLIC.OFFICE_RANGES");
  expect((await rule.diff("", created.outs, { ...ruleDeclared, type: "IPV4", valueList: ["10.2.0.0/16", "10.1.0.0/16"] })).changes).toBe(false);
  emulator.clearRequestLog();
  const widened = (await rule.update("", created.outs, { ...ruleDeclared, valueList: ["10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"] })).outs;
  expect(changesMade()).toEqual([]);
  expect((await get(`${RULES}/OFFICE_RANGES`)).value_list).toHaveLength(3);

  const policy = engineAgainst(emulator, "NetworkPolicy");
  const declared = { name: "NET_POLICY_RULES", allowedNetworkRuleList: ["net_db.public.office_ranges"] };
  const { outs } = await policy.create(declared);
  expect((await get(`${POLICIES}/NET_POLICY_RULES`)).allowed_network_rule_list).toEqual(["NET_DB.PUBLIC.OFFICE_RANGES"]);
  expect((await policy.diff("", outs, { allowedNetworkRuleList: ["NET_DB.PUBLIC.OFFICE_RANGES"], name: "NET_POLICY_RULES" })).changes).toBe(false);
  // The emulator refuses a policy naming a rule that does not exist, and dropping a rule a policy names.
  await expect(policy.create({ name: "NET_POLICY_MISSING", allowedNetworkRuleList: ["NET_DB.PUBLIC.NO_SUCH_RULE"] })).rejects.toThrow(/NO_SUCH_RULE/);
  await expect(rule.delete("", widened)).rejects.toThrow(/network rule NET_DB.PUBLIC.OFFICE_RANGES cannot be deleted: .*NET_POLICY_RULES/);
  await policy.delete("", outs);
  await rule.delete("", widened);
  expect((await callEmulator(emulator, "GET", `${RULES}/OFFICE_RANGES`)).status).toBe(404);
});

test("deleting a policy the account uses fails naming the policy and where it is attached, and the policy stays", async () => {
  const policy = engineAgainst(emulator, "NetworkPolicy");
  const { outs } = await policy.create({ name: "NET_POLICY_ACCOUNT", allowedIpList: ["0.0.0.0/0"] });
  emulator.defaultAccount.setAccountParameter("network_policy", "NET_POLICY_ACCOUNT");
  try {
    // Changes still apply in place while it is attached.
    emulator.clearRequestLog();
    await policy.update("", outs, { name: "NET_POLICY_ACCOUNT", allowedIpList: ["0.0.0.0/0"], comment: "attached" });
    expect(changesMade()).toEqual([]);
    const deletion = policy.delete("", outs);
    await expect(deletion).rejects.toThrow(/network policy NET_POLICY_ACCOUNT cannot be deleted: .*attached to account .*ALTER ACCOUNT UNSET NETWORK_POLICY/s);
    expect((await callEmulator(emulator, "GET", `${POLICIES}/NET_POLICY_ACCOUNT`)).status).toBe(200);
  } finally {
    emulator.defaultAccount.setAccountParameter("network_policy", undefined);
  }
  await policy.delete("", outs);
  expect((await callEmulator(emulator, "GET", `${POLICIES}/NET_POLICY_ACCOUNT`)).status).toBe(404);
});

test("an invalid CIDR fails at check, naming the property and the value", async () => {
  const policy = engineAgainst(emulator, "NetworkPolicy");
  const { failures } = await policy.check({}, { name: "NET_POLICY_BAD", allowedIpList: ["10.0.0.0/33"] });
  expect(failures).toEqual([expect.objectContaining({ property: "allowedIpList" })]);
  expect(failures[0].reason).toContain("10.0.0.0/33");
  const rule = engineAgainst(emulator, "NetworkRule");
  const ruleCheck = await rule.check({}, { ...IN, name: "NET_BAD_RULE", type: "IPV4", valueList: ["300.1.1.1"] });
  expect(ruleCheck.failures).toEqual([expect.objectContaining({ property: "valueList", reason: expect.stringContaining("300.1.1.1") })]);
  const modeCheck = await rule.check({}, { ...IN, name: "NET_BAD_MODE", type: "HOST_PORT", mode: "INGRESS", valueList: ["example.com"] });
  expect(modeCheck.failures).toEqual([expect.objectContaining({ property: "mode" })]);
});

test("removing a policy's list sets it to ( ) (ALTER NETWORK POLICY has no UNSET for it); removing a rule's values unsets them", async () => {
  const policy = engineAgainst(emulator, "NetworkPolicy");
  const { outs } = await policy.create({ name: "NET_POLICY_CLEARED", allowedIpList: ["10.9.0.0/16"], blockedIpList: ["10.9.0.1"] });
  const cleared = (await policy.update("", outs, { name: "NET_POLICY_CLEARED", allowedIpList: ["10.9.0.0/16"] })).outs;
  expect((await get(`${POLICIES}/NET_POLICY_CLEARED`)).blocked_ip_list ?? []).toEqual([]);
  expect((await policy.diff("", cleared, { name: "NET_POLICY_CLEARED", allowedIpList: ["10.9.0.0/16"] })).changes).toBe(false);
  const rule = engineAgainst(emulator, "NetworkRule");
  const hosts = { ...IN, name: "NET_EGRESS_HOSTS", type: "HOST_PORT", mode: "EGRESS", valueList: ["API.Example.com:443"] };
  const created = await rule.create(hosts);
  // Host names are compared case-insensitively.
  expect((await rule.diff("", created.outs, { ...hosts, valueList: ["api.example.com:443"] })).changes).toBe(false);
  await rule.update("", created.outs, { ...hosts, valueList: undefined });
  expect((await get(`${RULES}/NET_EGRESS_HOSTS`)).value_list ?? []).toEqual([]);
});
