using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.IntegrationTests.Features.ReformPlan;

public sealed class EvaluationTests(ReformAppFactory app) : IClassFixture<ReformAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Self(string code, string score, bool evidence)
    {
        var form = new MultipartFormDataContent { { new StringContent(code), "criterionCode" }, { new StringContent(score), "score" } };
        if (evidence)
        {
            form.Add(new ByteArrayContent("minh chung"u8.ToArray()), "file", "minh-chung.pdf");
        }

        return form;
    }

    [Fact]
    public async Task Self_assessment_and_appraisal_total_rank_and_export()
    {
        var noivu = await app.ClientFor("noivu");
        var scheme = (await noivu.GetFromJsonAsync<JsonElement[]>("/api/v1/reform/evaluation/schemes", Ct))!.Single();
        var id = scheme.GetProperty("id").GetInt32();

        var binh = await app.ClientFor("motcua.phuocbinh");
        Assert.Equal(HttpStatusCode.NoContent, (await binh.PostAsync($"/api/v1/reform/evaluation/schemes/{id}/self-assessments", Self("1.1", "5", evidence: true), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await binh.PostAsync($"/api/v1/reform/evaluation/schemes/{id}/self-assessments", Self("2.2", "18", evidence: false), Ct)).StatusCode);

        // 1.2 needs evidence: without it the self-score counts 0.
        var tien = await app.ClientFor("motcua.phuoctien");
        Assert.Equal(HttpStatusCode.NoContent, (await tien.PostAsync($"/api/v1/reform/evaluation/schemes/{id}/self-assessments", Self("1.2", "5", evidence: false), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await tien.PostAsync($"/api/v1/reform/evaluation/schemes/{id}/self-assessments", Self("2.2", "20", evidence: false), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await tien.PostAsync($"/api/v1/reform/evaluation/schemes/{id}/self-assessments", Self("1.4", "3", evidence: false), Ct)).StatusCode);

        var tooHigh = await tien.PostAsync($"/api/v1/reform/evaluation/schemes/{id}/self-assessments", Self("2.3", "11", evidence: false), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await tien.PostAsync($"/api/v1/reform/evaluation/schemes/{id}/self-assessments", Self("2", "5", evidence: false), Ct)).StatusCode);

        // Phòng Nội vụ lowers Phước Tiến's on-time score from 20 to 15: the appraisal replaces the self-assessment.
        Assert.Equal(HttpStatusCode.Forbidden, (await tien.PutAsJsonAsync($"/api/v1/reform/evaluation/schemes/{id}/appraisals", new { unitCode = "22792", criterionCode = "2.2", score = 20 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await noivu.PutAsJsonAsync($"/api/v1/reform/evaluation/schemes/{id}/appraisals", new { unitCode = "22792", criterionCode = "2.2", score = 15 }, Ct)).StatusCode);

        var results = (await noivu.GetFromJsonAsync<JsonElement[]>($"/api/v1/reform/evaluation/schemes/{id}/results", Ct))!;
        JsonElement Of(string code) => results.Single(r => r.GetProperty("unitCode").GetString() == code);
        Assert.Equal(23m, Of("22783").GetProperty("total").GetDecimal());
        Assert.Equal(18m, Of("22792").GetProperty("total").GetDecimal());
        Assert.Equal(1, Of("22783").GetProperty("rank").GetInt32());
        Assert.Equal(2, Of("22792").GetProperty("rank").GetInt32());
        Assert.Equal("Yếu", Of("22783").GetProperty("classification").GetString());

        // Every other reporting unit has nothing: all tie at 0 and share rank 3.
        var rest = results.Where(r => r.GetProperty("total").GetDecimal() == 0).ToArray();
        Assert.NotEmpty(rest);
        Assert.All(rest, r => Assert.Equal(3, r.GetProperty("rank").GetInt32()));

        var xlsx = await noivu.GetAsync($"/api/v1/reform/evaluation/schemes/{id}/results.xlsx", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }
}
