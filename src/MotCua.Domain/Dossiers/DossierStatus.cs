namespace MotCua.Domain.Dossiers;

/// <summary>Where a dossier stands in its lifecycle (national sync states plus fee, approval and result-ready).</summary>
public enum DossierStatus
{
    /// <summary>Chờ tiếp nhận: submitted online or arrived by post, not yet accepted by the desk.</summary>
    AwaitingReception,

    /// <summary>Đã tiếp nhận: accepted at the desk with an appointment date, not yet handed to a unit.</summary>
    Received,

    /// <summary>Đang xử lý: at a processing unit or step.</summary>
    InProcess,

    /// <summary>Yêu cầu bổ sung: waiting for the applicant's supplement; the clock is paused.</summary>
    AwaitingSupplement,

    /// <summary>Chờ thanh toán: waiting for the fee; the clock is paused.</summary>
    AwaitingFee,

    /// <summary>Chờ phê duyệt: the specialist is done, the leader decides.</summary>
    AwaitingApproval,

    /// <summary>Đã xử lý xong: approved, the result is still to be recorded.</summary>
    Approved,

    /// <summary>Có kết quả chưa nhận: the result is recorded and waits for the applicant.</summary>
    ResultReady,

    /// <summary>Đã trả kết quả.</summary>
    Returned,

    /// <summary>Từ chối (form 03).</summary>
    Refused,

    /// <summary>Dừng xử lý (form 05).</summary>
    Stopped,

    /// <summary>Công dân rút hồ sơ.</summary>
    Withdrawn,
}

/// <summary>Classification and Vietnamese labels of <see cref="DossierStatus"/>.</summary>
public static class DossierStatuses
{
    /// <summary>Every status in declaration order.</summary>
    public static IReadOnlyList<DossierStatus> All { get; } = Enum.GetValues<DossierStatus>();

    /// <summary>True when nothing more can happen to the dossier (returned, refused, stopped, withdrawn).</summary>
    public static bool IsClosed(this DossierStatus status) =>
        status is DossierStatus.Returned or DossierStatus.Refused or DossierStatus.Stopped or DossierStatus.Withdrawn;

    /// <summary>True while the dossier is still open (not closed).</summary>
    public static bool IsOpen(this DossierStatus status) => !status.IsClosed();

    /// <summary>True once the authority has decided (approved, result ready or returned, refused, stopped): processing time ends here for the indicators.</summary>
    public static bool IsDecided(this DossierStatus status) =>
        status is DossierStatus.Approved or DossierStatus.ResultReady or DossierStatus.Returned
            or DossierStatus.Refused or DossierStatus.Stopped;

    /// <summary>True when the dossier is finished for the indicators: decided or withdrawn.</summary>
    public static bool IsFinished(this DossierStatus status) => status.IsDecided() || status == DossierStatus.Withdrawn;

    /// <summary>True while the processing clock is paused (waiting for a supplement or a fee).</summary>
    public static bool PausesClock(this DossierStatus status) =>
        status is DossierStatus.AwaitingSupplement or DossierStatus.AwaitingFee;

    /// <summary>True while the dossier is open and not yet decided: it can still be withdrawn, refused or stopped.</summary>
    public static bool IsPending(this DossierStatus status) => status.IsOpen() && !status.IsDecided();

    /// <summary>Vietnamese label shown to users.</summary>
    public static string Label(this DossierStatus status) => status switch
    {
        DossierStatus.AwaitingReception => "Chờ tiếp nhận",
        DossierStatus.Received => "Đã tiếp nhận",
        DossierStatus.InProcess => "Đang xử lý",
        DossierStatus.AwaitingSupplement => "Yêu cầu bổ sung",
        DossierStatus.AwaitingFee => "Chờ thanh toán",
        DossierStatus.AwaitingApproval => "Chờ phê duyệt",
        DossierStatus.Approved => "Đã xử lý xong",
        DossierStatus.ResultReady => "Có kết quả chưa nhận",
        DossierStatus.Returned => "Đã trả kết quả",
        DossierStatus.Refused => "Từ chối",
        DossierStatus.Stopped => "Dừng xử lý",
        DossierStatus.Withdrawn => "Công dân rút hồ sơ",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
