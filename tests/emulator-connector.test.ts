it("probe native require", async () => {
  const mm = (process as any).mainModule;
  console.log(typeof mm, mm && mm.filename, typeof (mm && mm.constructor.createRequire));
  const nativeRequire = mm.constructor.createRequire(__filename);
  const cc = nativeRequire("snowflake-sdk/dist/lib/authentication/auth_oauth_client_credentials.js").default;
  const inst = new cc({}, {});
  const m = await inst.getOauth4webapi();
  expect(typeof m.clientCredentialsGrantRequest).toBe("function");
});
