namespace MotCua.Domain.Feedback;

/// <summary>The three deadlines of a complaint or suggestion (phản ánh, kiến nghị), in working days after receipt.</summary>
public sealed record FeedbackDeadlines(DateOnly RefuseBy, DateOnly AskMoreBy, DateOnly ResolveBy)
{
    /// <summary>Refusing to handle it: within 2 working days.</summary>
    public const int RefuseDays = 2;

    /// <summary>Asking the sender for more information: within 5 working days.</summary>
    public const int AskMoreDays = 5;

    /// <summary>Resolving it (answering): within 15 working days.</summary>
    public const int ResolveDays = 15;

    /// <summary>Deadlines counted on the working-day calendar from the local date of receipt (day 1 is the next working day).</summary>
    public static FeedbackDeadlines From(DateOnly receivedOn, Func<DateOnly, int, DateOnly> addWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(addWorkingDays);
        return new(addWorkingDays(receivedOn, RefuseDays), addWorkingDays(receivedOn, AskMoreDays), addWorkingDays(receivedOn, ResolveDays));
    }

    /// <summary>The deadline that applies to a staff step: <c>refuse</c>, <c>request-info</c> or anything else (answer).</summary>
    public static DateOnly For(string step, DateOnly refuseBy, DateOnly askMoreBy, DateOnly resolveBy) => step switch
    {
        "refuse" => refuseBy,
        "request-info" => askMoreBy,
        _ => resolveBy,
    };
}

/// <summary>A satisfaction rating after the result was returned: overall 1–5 plus the national survey's criteria.</summary>
public sealed record RatingInput(int? Overall, int? Time, int? Contacts, int? Attitude, int? Transparency)
{
    /// <summary>The highest number of contacts (visits, calls) a rating may report.</summary>
    public const int MaxContacts = 20;

    /// <summary>Field name → Vietnamese message (a localisation key) for every invalid score; empty when valid.</summary>
    public Dictionary<string, string> Errors()
    {
        var errors = new Dictionary<string, string>();
        void Score(string field, int? value, string message)
        {
            if (value is not (>= 1 and <= 5))
            {
                errors[field] = message;
            }
        }

        Score("overall", Overall, "Chọn mức hài lòng chung từ 1 đến 5.");
        Score("time", Time, "Chọn mức đánh giá về thời gian giải quyết từ 1 đến 5.");
        Score("attitude", Attitude, "Chọn mức đánh giá về thái độ của cán bộ từ 1 đến 5.");
        Score("transparency", Transparency, "Chọn mức đánh giá về công khai, minh bạch từ 1 đến 5.");
        if (Contacts is not (>= 1 and <= MaxContacts))
        {
            errors["contacts"] = "Số lần phải liên hệ, đi lại phải từ 1 đến 20.";
        }

        return errors;
    }

    /// <summary>Dissatisfied for the index: overall 1 or 2.</summary>
    public static bool IsDissatisfied(int overall) => overall <= 2;
}
