namespace MotCua.Web.Features.Feedback;

/// <summary>The rating fields shared by the online page and the kiosk page; kept on a failed post so nothing typed is lost.</summary>
public sealed class RatingForm
{
    public int? Overall { get; set; }
    public int? Time { get; set; }
    public int? Contacts { get; set; }
    public int? Attitude { get; set; }
    public int? Transparency { get; set; }
    public string? Comment { get; set; }
    public Dictionary<string, string[]> Errors { get; set; } = [];

    public int? Value(string field) => field switch
    {
        "Overall" => Overall,
        "Time" => Time,
        "Attitude" => Attitude,
        _ => Transparency,
    };

    public RatingRequest ToRequest(string? verifier = null) => new(Overall, Time, Contacts, Attitude, Transparency, Comment, verifier);
}
