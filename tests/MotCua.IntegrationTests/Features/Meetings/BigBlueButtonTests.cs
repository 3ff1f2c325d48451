using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Features.Meetings;

/// <summary>
/// The BigBlueButton adapter against a fake BBB API on a local port (no media server): the first join creates the room,
/// both calls carry SHA-1(callName + query + secret) as BBB documents, and a refusal of the server answers 503.
/// </summary>
public sealed class BigBlueButtonTests
{
    private const string Secret = "test-bbb-shared-secret-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

#pragma warning disable CA5350 // the BigBlueButton protocol's SHA-1 checksum, recomputed from its documented recipe
    private static string Sha1(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5350

    [Fact]
    public async Task The_first_join_creates_the_room_and_each_call_carries_the_documented_checksum()
    {
        await using var bbb = await LocalHttpServer.StartAsync();
        var calls = new ConcurrentQueue<(string Call, string Query)>();
        var reply = "SUCCESS";
        bbb.Handler = async (context, _) =>
        {
            calls.Enqueue((context.Request.Path.Value!.Split('/')[^1], context.Request.QueryString.Value!.TrimStart('?')));
            await context.Response.WriteAsync($"<response><returncode>{reply}</returncode><messageKey>{(reply == "SUCCESS" ? "" : "checksumError")}</messageKey></response>", Ct);
        };
        using var app = new AppFactory();
        app.Settings["Meetings:Platform"] = "bigbluebutton";
        app.Settings["Meetings:BigBlueButton:BaseUrl"] = new Uri(bbb.BaseAddress, "/bigbluebutton/api/").ToString();
        app.Settings["Meetings:BigBlueButton:Secret"] = Secret;
        app.Settings["Meetings:BigBlueButton:Checksum"] = "sha1";
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 1, 0, 0, TimeSpan.Zero)); // 08:00 in Hà Nội

        var leader = await app.ClientFor("lanhdao.bacai");
        var created = await leader.PostAsJsonAsync("/api/v1/meetings", new
        {
            title = "Họp giao ban qua BigBlueButton",
            chairUserName = "lanhdao.bacai",
            start = "2026-12-09T08:00",
            durationMinutes = 60,
            online = true,
            inviteUsers = new[] { "chuyenvien.bacai" },
        }, Ct);
        var meeting = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("bigbluebutton", meeting.GetProperty("platform").GetString());
        var id = meeting.GetProperty("id").GetInt64();
        var join = (await (await app.ClientFor("chuyenvien.bacai")).GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}", Ct))
            .GetProperty("myInvitation").GetProperty("joinUrl").GetString()!;

        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(join, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // create, as the fake received it: the checksum is SHA-1 over "create" + the query without it + the shared secret.
        var (call, query) = Assert.Single(calls);
        Assert.Equal("create", call);
        var (createQuery, createChecksum) = Split(query);
        Assert.Equal(Sha1("create" + createQuery + Secret), createChecksum);
        Assert.Contains("meetingID=motcua-" + id + "-", createQuery, StringComparison.Ordinal);
        Assert.Contains("duration=90", createQuery, StringComparison.Ordinal); // to the end of the join window, 09:30

        // join: the browser is sent to BBB with the invitee's name, a viewer role and the same kind of checksum.
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(new Uri(bbb.BaseAddress, "/bigbluebutton/api/join?").ToString(), location, StringComparison.Ordinal);
        var (joinQuery, joinChecksum) = Split(location[(location.IndexOf('?', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(Sha1("join" + joinQuery + Secret), joinChecksum);
        Assert.Contains("fullName=Pin%C4%83ng%20V%C4%83n%20X%E1%BB%AD", joinQuery, StringComparison.Ordinal);
        Assert.Contains("role=VIEWER", joinQuery, StringComparison.Ordinal);

        // A server that refuses (wrong secret on its side) leaves the invitee a clear 503, not a broken redirect.
        reply = "FAILED";
        var refused = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(join, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
    }

    private static (string Query, string Checksum) Split(string query)
    {
        var at = query.LastIndexOf("&checksum=", StringComparison.Ordinal);
        return (query[..at], query[(at + "&checksum=".Length)..]);
    }
}
