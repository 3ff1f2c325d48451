using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MotCua.Domain.Indicators;
using MotCua.Domain.Meetings;

namespace MotCua.UnitTests.Meetings;

/// <summary>Issue 24: the join window, conflicts, the "online" definition, and the platforms' documented signing recipes recomputed here.</summary>
public sealed class MeetingRulesTests
{
    private static readonly DateTime Start = new(2026, 12, 10, 1, 0, 0, DateTimeKind.Utc); // 08:00 in Hà Nội
    private static readonly DateTime End = Start.AddMinutes(90);

    [Fact]
    public void The_join_window_opens_15_minutes_before_and_closes_30_minutes_after()
    {
        var (nbf, exp) = MeetingRules.JoinWindow(Start, End);
        Assert.Equal(Start.AddMinutes(-15), nbf);
        Assert.Equal(End.AddMinutes(30), exp);
        Assert.False(MeetingRules.InJoinWindow(Start.AddMinutes(-16), Start, End));
        Assert.True(MeetingRules.InJoinWindow(Start.AddMinutes(-15), Start, End));
        Assert.True(MeetingRules.InJoinWindow(End.AddMinutes(30), Start, End));
        Assert.False(MeetingRules.InJoinWindow(End.AddMinutes(31), Start, End));
    }

    [Fact]
    public void Overlapping_meetings_conflict_and_back_to_back_ones_do_not()
    {
        BusySlot[] busy =
        [
            new(1, "Giao ban", Start.AddMinutes(-60), Start), // ends when ours starts
            new(2, "Tiếp dân", Start.AddMinutes(30), Start.AddMinutes(60)), // inside
            new(3, "Họp HĐND", End.AddMinutes(-1), End.AddMinutes(60)), // overlaps the last minute
            new(4, "Hôm sau", Start.AddDays(1), End.AddDays(1)),
        ];
        Assert.Equal([2L, 3L], MeetingRules.Conflicts(busy, Start, End).Select(b => b.MeetingId));
        Assert.Equal([3L], MeetingRules.Conflicts(busy, Start, End, exceptMeetingId: 2).Select(b => b.MeetingId));
    }

    [Theory]
    [InlineData(1, false, 0, true, true)] // one participant joined through the platform
    [InlineData(0, true, 0, true, true)] // recorded as held online
    [InlineData(0, false, 2, false, true)] // documents only electronic
    [InlineData(0, false, 2, true, false)] // paper copies handed out, nobody online
    [InlineData(0, false, 0, false, false)] // no documents at all: nothing was shared electronically
    public void Online_means_through_the_platform_or_documents_only_electronic(int joined, bool marked, int documents, bool paper, bool online) =>
        Assert.Equal(online, MeetingRules.IsOnline(new MeetingOnlineFacts(joined, marked, documents, paper)));

    [Fact]
    public void The_Jitsi_token_is_HS256_over_the_documented_claims()
    {
        const string secret = "bi-mat-cua-may-chu-jitsi-bac-ai-2026";
        var (nbf, exp) = MeetingRules.JoinWindow(Start, End);
        var token = JitsiToken.Build("motcua", secret, "jitsi", "hop.bacai.gov.vn", "motcua-7-abcdef0123456789",
            new JitsiUser("u-1", "Nguyễn Văn Chủ Trì", "chutri@bacai.gov.vn", Moderator: true), nbf, exp);

        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        // RFC 7515: signature = base64url(HMAC-SHA256(secret, base64url(header) + "." + base64url(payload))).
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Assert.Equal(expected, FromBase64Url(parts[2]));

        using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
        Assert.Equal("HS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal("JWT", header.RootElement.GetProperty("typ").GetString());
        using var payload = JsonDocument.Parse(FromBase64Url(parts[1]));
        var p = payload.RootElement;
        Assert.Equal("jitsi", p.GetProperty("aud").GetString());
        Assert.Equal("motcua", p.GetProperty("iss").GetString());
        Assert.Equal("hop.bacai.gov.vn", p.GetProperty("sub").GetString());
        Assert.Equal("motcua-7-abcdef0123456789", p.GetProperty("room").GetString());
        Assert.Equal(new DateTimeOffset(Start.AddMinutes(-15)).ToUnixTimeSeconds(), p.GetProperty("nbf").GetInt64());
        Assert.Equal(new DateTimeOffset(End.AddMinutes(30)).ToUnixTimeSeconds(), p.GetProperty("exp").GetInt64());
        var user = p.GetProperty("context").GetProperty("user");
        Assert.Equal("Nguyễn Văn Chủ Trì", user.GetProperty("name").GetString());
        Assert.Equal("u-1", user.GetProperty("id").GetString());
        Assert.True(user.GetProperty("moderator").GetBoolean());
        Assert.DoesNotContain('=', token);
    }

    [Fact]
    public void A_token_signed_with_another_secret_does_not_verify()
    {
        var token = JitsiToken.Build("motcua", "secret-one-secret-one-secret-one!", "jitsi", "d", "r", new JitsiUser("u", "N", null, false), Start, End);
        var parts = token.Split('.');
        var other = HMACSHA256.HashData(Encoding.UTF8.GetBytes("secret-two-secret-two-secret-two!"), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Assert.NotEqual(other, FromBase64Url(parts[2]));
    }

    [Fact]
    public void The_BigBlueButton_checksum_is_the_hash_of_call_name_query_and_secret()
    {
        const string secret = "639259d4-9dd8-4b25-bf01-95f9567eaf4b";
        KeyValuePair<string, string>[] join = [new("fullName", "Đàng Thị Hoa"), new("meetingID", "motcua-7-abc"), new("role", "VIEWER")];
        var url = BigBlueButtonApi.Url("https://bbb.bacai.gov.vn/bigbluebutton/api/", "join", join, secret, sha256: true);

        // The documented recipe, step by step: the query string as sent, without the checksum, then sha(callName + query + secret).
        const string query = "fullName=%C4%90%C3%A0ng%20Th%E1%BB%8B%20Hoa&meetingID=motcua-7-abc&role=VIEWER";
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("join" + query + secret)));
        Assert.Equal($"https://bbb.bacai.gov.vn/bigbluebutton/api/join?{query}&checksum={sha256}", url);

#pragma warning disable CA5350 // the BigBlueButton protocol's SHA-1 variant, recomputed to check ours
        var sha1 = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("join" + query + secret)));
#pragma warning restore CA5350
        Assert.Equal(sha1, BigBlueButtonApi.Checksum("join", query, secret, sha256: false));
        Assert.Equal(40, sha1.Length);
    }

    [Fact]
    public void The_BigBlueButton_reply_is_read_from_its_returncode()
    {
        Assert.Equal((true, null), BigBlueButtonApi.ReadReply("<response><returncode>SUCCESS</returncode><meetingID>m</meetingID></response>"));
        Assert.Equal((false, "checksumError"), BigBlueButtonApi.ReadReply("<response><returncode>FAILED</returncode><messageKey>checksumError</messageKey></response>"));
    }

    [Fact]
    public void MeetingsOnlineRate_is_online_over_held_from_the_aggregated_counts()
    {
        var sum = new MeasureVector();
        MeetingFacts[] held =
        [
            new("56/56.BACAI/", new DateOnly(2026, 12, 7), Online: true),
            new("56/56.BACAI/", new DateOnly(2026, 12, 8), Online: true),
            new("56/56.BACAI/", new DateOnly(2026, 12, 9), Online: false),
            new("56/56.BACAI/", new DateOnly(2026, 12, 10), Online: true),
        ];
        foreach (var m in held)
        {
            sum.Add(m.Contribution().Counts);
        }

        var set = IndicatorSet.From(IndicatorCounts.FromSums(sum, new MeasureVector()));
        Assert.Equal(0.75, set.MeetingsOnlineRate);
        Assert.Equal(0.75, set.ByKey()["meetingsOnlineRate"]);
        Assert.Null(IndicatorSet.From(IndicatorCounts.FromSums(new MeasureVector(), new MeasureVector())).MeetingsOnlineRate);
    }

    private static byte[] FromBase64Url(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b + new string('=', (4 - b.Length % 4) % 4));
    }
}
