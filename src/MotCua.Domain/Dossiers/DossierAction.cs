namespace MotCua.Domain.Dossiers;

/// <summary>What an actor does to a dossier; the API spells each in kebab case (<c>send-back</c>).</summary>
public enum DossierAction
{
    /// <summary>accept: the desk accepts an online or postal dossier.</summary>
    Accept,

    /// <summary>forward: hand over to a unit or the next step.</summary>
    Forward,

    /// <summary>send-back: return to the previous step (leader to specialist, specialist to previous step).</summary>
    SendBack,

    /// <summary>request-supplement: ask the applicant for more papers (form 02); pauses the clock.</summary>
    RequestSupplement,

    /// <summary>receive-supplement: the supplement arrived; resumes the clock.</summary>
    ReceiveSupplement,

    /// <summary>request-fee: ask for the fee; pauses the clock.</summary>
    RequestFee,

    /// <summary>confirm-fee: the fee is paid; resumes the clock.</summary>
    ConfirmFee,

    /// <summary>submit-for-approval: the specialist hands the draft decision to the leader.</summary>
    SubmitForApproval,

    /// <summary>approve: the leader approves the result.</summary>
    Approve,

    /// <summary>refuse: refusal with reasons (form 03).</summary>
    Refuse,

    /// <summary>stop: stop processing (form 05).</summary>
    Stop,

    /// <summary>withdraw: the applicant withdraws the dossier.</summary>
    Withdraw,

    /// <summary>record-result: attach the result file and issue the result code.</summary>
    RecordResult,

    /// <summary>return-result: the applicant receives the result (desk, post or online).</summary>
    ReturnResult,

    /// <summary>apologize: apology with a new appointment date (form 04); the state does not change.</summary>
    Apologize,
}

/// <summary>Kebab-case names and Vietnamese labels of <see cref="DossierAction"/>.</summary>
public static class DossierActions
{
    // Spelled out rather than derived so that renaming an enum member cannot silently change the API.
    private static readonly string[] Names =
    [
        "accept", "forward", "send-back", "request-supplement", "receive-supplement", "request-fee",
        "confirm-fee", "submit-for-approval", "approve", "refuse", "stop", "withdraw", "record-result",
        "return-result", "apologize",
    ];

    /// <summary>Every action in declaration order.</summary>
    public static IReadOnlyList<DossierAction> All { get; } = Enum.GetValues<DossierAction>();

    /// <summary>The API name, e.g. <c>submit-for-approval</c>.</summary>
    public static string ToKebab(this DossierAction action) =>
        (uint)action < (uint)Names.Length ? Names[(int)action] : throw new ArgumentOutOfRangeException(nameof(action), action, null);

    /// <summary>Parses an API name (exact, lower case); false for anything else.</summary>
    public static bool TryParse(string? value, out DossierAction action)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], value, StringComparison.Ordinal))
            {
                action = (DossierAction)i;
                return true;
            }
        }

        action = default;
        return false;
    }

    /// <summary>Vietnamese label for buttons and history.</summary>
    public static string Label(this DossierAction action) => action switch
    {
        DossierAction.Accept => "Tiếp nhận",
        DossierAction.Forward => "Chuyển xử lý",
        DossierAction.SendBack => "Trả lại bước trước",
        DossierAction.RequestSupplement => "Yêu cầu bổ sung",
        DossierAction.ReceiveSupplement => "Nhận bổ sung",
        DossierAction.RequestFee => "Yêu cầu thanh toán",
        DossierAction.ConfirmFee => "Xác nhận đã thanh toán",
        DossierAction.SubmitForApproval => "Trình phê duyệt",
        DossierAction.Approve => "Phê duyệt",
        DossierAction.Refuse => "Từ chối",
        DossierAction.Stop => "Dừng xử lý",
        DossierAction.Withdraw => "Rút hồ sơ",
        DossierAction.RecordResult => "Cập nhật kết quả",
        DossierAction.ReturnResult => "Trả kết quả",
        DossierAction.Apologize => "Xin lỗi và hẹn lại",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
