namespace MotCua.Web.Features.Notifications;

/// <summary>Recipients as shown to staff: enough to recognise, not enough to contact.</summary>
public static class Masking
{
    public static string Recipient(string to)
    {
        var at = to.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            return to[..1] + new string('*', Math.Max(1, at - 1)) + to[at..];
        }

        return to.Length <= 4 ? new string('*', to.Length) : new string('*', to.Length - 3) + to[^3..];
    }
}
