namespace MotCua.Domain.Documents;

/// <summary>How a work file was closed: in the system, or recorded as handled on paper.</summary>
public enum WorkMedium
{
    Electronic,
    Paper,
}

/// <summary>What a closed work file's online processing is judged on.</summary>
public sealed record WorkFileClosing(WorkMedium Medium, int Documents, int Notes, int Tasks, int OpenTasks);

/// <summary>The rule behind <c>workFilesOnlineRate</c> (Kế hoạch CCHC: "90 % hồ sơ công việc cấp huyện, 60 % cấp xã được xử lý trên môi trường mạng").</summary>
public static class WorkFileRules
{
    /// <summary>
    /// Processed online ⇔ closed in the system (not recorded as handled on paper), with its work done there: at least one
    /// document, note or task recorded in it, and every task finished. An empty file closed with a click was not processed
    /// online, it was only ticked.
    /// </summary>
    public static bool ProcessedOnline(WorkFileClosing c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Medium == WorkMedium.Electronic && c.OpenTasks == 0 && c.Documents + c.Notes + c.Tasks > 0;
    }

    /// <summary>Secret work files are outside the target ("không bao gồm hồ sơ xử lý công việc có nội dung mật").</summary>
    public static bool Counts(bool secret) => !secret;
}
