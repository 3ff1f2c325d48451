using System.Diagnostics;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>The published OpenAPI document is a contract integrators can generate clients from (issue 26.1, ADR 0024).</summary>
public sealed class ApiContractTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement;

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from op in path.Value.EnumerateObject()
        where op.Name is "get" or "post" or "put" or "delete" or "patch"
        select (path.Name, op.Name, op.Value);

    [Fact]
    public async Task Every_operation_has_a_unique_id_a_summary_and_its_security_stated()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        Assert.True(operations.Count > 100, $"only {operations.Count} operations");

        var ids = operations.Select(o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();
        Assert.DoesNotContain(null, ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("summary").GetString()), $"{o.Method} {o.Path}"));

        // Anonymous operations say so with an empty list; the others name the bearer scheme and document 401 and 403.
        var tracking = operations.Single(o => o.Path == "/api/v1/tracking/{code}").Operation;
        Assert.Equal(0, tracking.GetProperty("security").GetArrayLength());
        var intake = operations.Single(o => o.Path == "/api/v1/dossiers" && o.Method == "post").Operation;
        Assert.True(intake.GetProperty("security")[0].TryGetProperty("bearer", out _));
        Assert.True(intake.GetProperty("responses").TryGetProperty("401", out _));
        Assert.Equal("http", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("type").GetString());
        Assert.True(intake.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _));
    }

    [Fact]
    public async Task Strings_are_typed_and_no_two_dtos_share_a_schema()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        // A property hidden behind the bounded-string converter would otherwise be an untyped "any" in generated clients.
        var applicant = schemas.GetProperty("ApplicantInput").GetProperty("properties");
        Assert.Contains("string", applicant.GetProperty("fullName").GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        // Receive's document component carries fileId; the catalogue's does not: both keep their own schema.
        Assert.True(schemas.GetProperty("DossiersDocumentInput").GetProperty("properties").TryGetProperty("fileId", out _));
        Assert.True(schemas.TryGetProperty("ProceduresDocumentInput", out _));
    }

    [Fact]
    public async Task Redocly_lint_with_the_recommended_rules_reports_no_error()
    {
        var file = Path.Combine(Path.GetTempPath(), $"motcua-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, (await DocumentAsync()).GetRawText(), Ct);
        try
        {
            var project = typeof(ApiContractTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestProjectDirectory").Value!;
            var cli = Path.Combine(project, "node_modules", "@redocly", "cli", "bin", "cli.js");
            Assert.True(File.Exists(cli), $"{cli} missing: the test project's build runs npm ci");
            var start = new ProcessStartInfo("node", [cli, "lint", file, "--format=json", "--max-problems=1000"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(Ct);
            var stderr = process.StandardError.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);

            var report = JsonDocument.Parse(await stdout).RootElement;
            var problems = report.GetProperty("problems").EnumerateArray()
                .Select(p => (Severity: p.GetProperty("severity").GetString(), Rule: p.GetProperty("ruleId").GetString(), Message: p.GetProperty("message").GetString()))
                .ToList();
            var text = string.Join('\n', problems.Select(p => $"{p.Severity} {p.Rule}: {p.Message}"));
            Assert.True(report.GetProperty("totals").GetProperty("errors").GetInt32() == 0, text + await stderr);
            // Warnings are not the bar, but the document has none: keep it so. The test host's server is localhost.
            Assert.True(problems.All(p => p.Severity == "error" || p.Rule == "no-server-example.com"), text);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// The committed contract (docs/openapi/v1.json, the generated client's source) is the served one, so that any change to
    /// the API shows in review as a change to that file, for the changelog of docs/api.md.
    /// </summary>
    [Fact]
    public async Task The_committed_contract_is_the_served_one()
    {
        var served = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json", Ct))!.AsObject();
        // The one host-dependent member.
        served.Remove("servers");
        var project = typeof(ApiContractTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestProjectDirectory").Value!;
        var file = Path.GetFullPath(Path.Combine(project, "..", "..", "docs", "openapi", "v1.json"));
        if (Environment.GetEnvironmentVariable("MOTCUA_UPDATE_CONTRACT") == "1")
        {
            await File.WriteAllTextAsync(file, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", Ct);
        }

        Assert.True(JsonNode.DeepEquals(served, JsonNode.Parse(await File.ReadAllTextAsync(file, Ct))),
            "The API changed: run MOTCUA_UPDATE_CONTRACT=1 dotnet test tests/MotCua.IntegrationTests --filter The_committed_contract_is_the_served_one, "
            + "review the diff of docs/openapi/v1.json and add the change to the changelog in docs/api.md.");
    }
}
