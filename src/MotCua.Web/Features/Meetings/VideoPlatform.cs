using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MotCua.Domain.Meetings;

namespace MotCua.Web.Features.Meetings;

/// <summary>Who is joining which meeting, as the platform adapter needs it.</summary>
public sealed record JoinRequest(Meeting Meeting, MeetingInvitee Invitee, bool Moderator, DateTime NowUtc);

/// <summary>
/// The video platform chosen by <c>Meetings:Platform</c>: it names the room when a meeting is scheduled and builds each
/// invitee's personal, time-bound entry when their link is used. No platform server is needed to build Jitsi links;
/// BigBlueButton's room is created (idempotently) on the first join.
/// </summary>
public sealed class VideoPlatform(IOptions<MeetingOptions> options, IHttpClientFactory http)
{
    public const string HttpClientName = "bigbluebutton";

    public MeetingOptions Options => options.Value;

    public string Configured => Options.Platform.ToLowerInvariant();

    /// <summary>The room of a new online meeting: random for the platforms, the organiser's link for "link".</summary>
    public static string NewRoom(string platform, long meetingId, string? externalUrl) => platform switch
    {
        MeetingPlatforms.Link => externalUrl!,
        _ => JitsiToken.RoomName(meetingId, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))),
    };

    /// <summary>The address the invitee is sent to; null when the meeting has no online room.</summary>
    public async Task<string?> EntryAsync(JoinRequest r, CancellationToken ct)
    {
        var m = r.Meeting;
        var (nbf, exp) = MeetingRules.JoinWindow(m.StartUtc, m.EndUtc);
        switch (m.Platform)
        {
            case MeetingPlatforms.Jitsi:
                {
                    var o = Options.Jitsi;
                    var baseUrl = o.BaseUrl.TrimEnd('/');
                    var subject = string.IsNullOrWhiteSpace(o.Subject) ? new Uri(baseUrl).Host : o.Subject;
                    var token = JitsiToken.Build(o.AppId, o.AppSecret, o.Audience, subject, m.Room!,
                        new JitsiUser(r.Invitee.UserId ?? "invitee-" + r.Invitee.Id, r.Invitee.Name, null, r.Moderator), nbf, exp);
                    return $"{baseUrl}/{Uri.EscapeDataString(m.Room!)}?jwt={token}";
                }

            case MeetingPlatforms.BigBlueButton:
                {
                    var o = Options.BigBlueButton;
                    var sha256 = !string.Equals(o.Checksum, "sha1", StringComparison.OrdinalIgnoreCase);
                    var create = BigBlueButtonApi.Url(o.BaseUrl, "create", BigBlueButtonApi.CreateParameters(m.Room!, m.Title, exp, r.NowUtc), o.Secret, sha256);
                    using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    cts.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds)));
                    var xml = await http.CreateClient(HttpClientName).GetStringAsync(create, cts.Token);
                    var (ok, key) = BigBlueButtonApi.ReadReply(xml);
                    if (!ok)
                    {
                        throw new HttpRequestException($"BigBlueButton create refused: {key}");
                    }

                    return BigBlueButtonApi.Url(o.BaseUrl, "join",
                        BigBlueButtonApi.JoinParameters(m.Room!, r.Invitee.Name, r.Invitee.UserId ?? "invitee-" + r.Invitee.Id, r.Moderator), o.Secret, sha256);
                }

            case MeetingPlatforms.Link:
                return m.Room;
            default:
                return null;
        }
    }
}
