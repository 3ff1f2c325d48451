using System.Globalization;
using static MotCua.Domain.Dossiers.ActorRole;
using static MotCua.Domain.Dossiers.DossierAction;
using static MotCua.Domain.Dossiers.DossierStatus;

namespace MotCua.Domain.Dossiers;

/// <summary>What the caller knows besides state, action and role; only the fields an action needs are read.</summary>
public readonly record struct TransitionContext
{
    /// <summary>The note typed by the actor: the reason for send-back, refuse, stop, apologize and a second supplement request.</summary>
    public string? Note { get; init; }

    /// <summary>The code of the reason chosen from the configured list, for send-back, refuse and stop.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>The unit a forward hands the dossier to.</summary>
    public string? TargetUnitCode { get; init; }

    /// <summary>The stored result file for record-result.</summary>
    public string? ResultFileId { get; init; }

    /// <summary>Supplement requests already made at the current unit (before this one).</summary>
    public int SupplementRequestsAtThisUnit { get; init; }

    /// <summary>The status stored when the clock was paused; resume actions return to it (InProcess when null).</summary>
    public DossierStatus? PausedFrom { get; init; }

    /// <summary>Today's local legal date, for apologize.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>The current appointment (due) date, for apologize.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>The new appointment date proposed by an apology.</summary>
    public DateOnly? NewDueDate { get; init; }
}

/// <summary>Why a transition was denied; maps to HTTP 409 (State), 403 (Role), 400 (MissingField, Invalid, Deadline).</summary>
public enum DenialKind
{
    /// <summary>Not denied.</summary>
    None,

    /// <summary>No role may do this action in the current state.</summary>
    State,

    /// <summary>Another role may do this action in this state, not this one.</summary>
    Role,

    /// <summary>A required field (see <see cref="TransitionResult.Field"/>) is missing.</summary>
    MissingField,

    /// <summary>A field has an unacceptable value (see <see cref="TransitionResult.Field"/>).</summary>
    Invalid,

    /// <summary>Too late: the due date has passed.</summary>
    Deadline,
}

/// <summary>What the transition does to the processing clock.</summary>
public enum ClockEffect
{
    /// <summary>No change.</summary>
    None,

    /// <summary>The clock pauses (supplement or fee requested).</summary>
    Pause,

    /// <summary>The clock resumes (supplement received or fee confirmed).</summary>
    Resume,
}

/// <summary>Outcome of <see cref="Workflow.Decide"/>: allowed with the next state, or denied with a Vietnamese reason.</summary>
public readonly record struct TransitionResult
{
    /// <summary>True when the action may proceed.</summary>
    public bool IsAllowed { get; private init; }

    /// <summary>The state after the action (equal to the current state for apologize); meaningless when denied.</summary>
    public DossierStatus Next { get; private init; }

    /// <summary>Effect on the processing clock.</summary>
    public ClockEffect Clock { get; private init; }

    /// <summary>True when the clock pauses: store <see cref="PausedFrom"/> and the used days.</summary>
    public bool PausesClock => Clock == ClockEffect.Pause;

    /// <summary>True when the clock resumes: recompute the due date from the remaining days.</summary>
    public bool ResumesClock => Clock == ClockEffect.Resume;

    /// <summary>On a pause, the state to resume to later; pass it back as <see cref="TransitionContext.PausedFrom"/>.</summary>
    public DossierStatus? PausedFrom { get; private init; }

    /// <summary>True when the action makes the dossier count as late for the indicators (a second supplement request at one unit).</summary>
    public bool CountsAsLate { get; private init; }

    /// <summary>Kind of denial; None when allowed.</summary>
    public DenialKind Denial { get; private init; }

    /// <summary>The request field at fault (note, toUnitCode, resultFileId, newDueDate, dueDate) for MissingField/Invalid/Deadline.</summary>
    public string? Field { get; private init; }

    /// <summary>Vietnamese composite format string of the reason (a localisation key); null when allowed.</summary>
    public string? ReasonTemplate { get; private init; }

    /// <summary>Arguments of <see cref="ReasonTemplate"/>.</summary>
    public IReadOnlyList<string> ReasonArgs { get; private init; }

    /// <summary>The Vietnamese reason, formatted; null when allowed.</summary>
    public string? Reason => ReasonTemplate is null
        ? null
        : string.Format(CultureInfo.InvariantCulture, ReasonTemplate, [.. ReasonArgs]);

    /// <summary>An allowed transition.</summary>
    public static TransitionResult Allowed(DossierStatus next, ClockEffect clock = ClockEffect.None, DossierStatus? pausedFrom = null, bool countsAsLate = false) =>
        new() { IsAllowed = true, Next = next, Clock = clock, PausedFrom = pausedFrom, CountsAsLate = countsAsLate, ReasonArgs = [] };

    /// <summary>A denied transition with its reason.</summary>
    public static TransitionResult Denied(DenialKind kind, string? field, string template, params string[] args) =>
        new() { Denial = kind, Field = field, ReasonTemplate = template, ReasonArgs = args };
}

/// <summary>The dossier state machine: one explicit table of who may do what, in which state, to reach which state.</summary>
public static class Workflow
{
    private enum Target
    {
        Fixed,
        Same,
        Resume,
    }

    private sealed record Rule(DossierAction Action, ActorRole[] Roles, DossierStatus[] From, Target Kind, DossierStatus To = default);

    private static Rule To(DossierAction action, ActorRole[] roles, DossierStatus[] from, DossierStatus to) => new(action, roles, from, Target.Fixed, to);

    private static readonly DossierStatus[] Pending = [Received, InProcess, AwaitingSupplement, AwaitingFee, AwaitingApproval];
    private static readonly DossierStatus[] PendingOrOnline = [AwaitingReception, .. Pending];

    // THE table. Anything not listed is denied. Admin appears nowhere: administrators administer, they do not decide dossiers.
    private static readonly Rule[] Table =
    [
        To(Accept, [Desk], [AwaitingReception], Received),
        To(Forward, [Desk], [Received], InProcess),
        To(Forward, [Specialist], [InProcess], InProcess),
        To(Forward, [Leader], [Received, InProcess, AwaitingApproval], InProcess),
        To(SendBack, [Leader], [AwaitingApproval], InProcess),
        To(SendBack, [Specialist], [InProcess], InProcess),
        new(RequestSupplement, [Desk], [AwaitingReception, Received, InProcess], Target.Fixed, AwaitingSupplement),
        new(RequestSupplement, [Specialist], [InProcess], Target.Fixed, AwaitingSupplement),
        new(ReceiveSupplement, [Desk, ActorRole.System], [AwaitingSupplement], Target.Resume),
        To(RequestFee, [Desk], [Received, InProcess], AwaitingFee),
        To(RequestFee, [Specialist], [InProcess], AwaitingFee),
        new(ConfirmFee, [Desk, ActorRole.System], [AwaitingFee], Target.Resume),
        To(SubmitForApproval, [Specialist], [InProcess], AwaitingApproval),
        To(Approve, [Leader], [AwaitingApproval], Approved),
        To(Refuse, [Desk], [AwaitingReception, Received], Refused),
        To(Refuse, [Leader], Pending, Refused),
        To(Stop, [Leader], Pending, Stopped),
        To(Withdraw, [Applicant, Desk], PendingOrOnline, Withdrawn),
        To(RecordResult, [Specialist, Desk], [Approved], ResultReady),
        To(ReturnResult, [Desk, ActorRole.System], [ResultReady], Returned),
        new(Apologize, [Desk, Specialist, Leader], [.. Pending, Approved], Target.Same),
    ];

    private static readonly int StatusCount = DossierStatuses.All.Count;
    private static readonly int ActionCount = DossierActions.All.Count;
    private static readonly int RoleCount = ActorRoles.All.Count;

    // Flattened [state, action, role] → rule, built once so that Decide is an array lookup.
    private static readonly Rule?[] Index = BuildIndex();

    private static readonly DossierAction[][] AllowedIndex = BuildAllowed();

    private static Rule?[] BuildIndex()
    {
        var index = new Rule?[StatusCount * ActionCount * RoleCount];
        foreach (var rule in Table)
        {
            foreach (var from in rule.From)
            {
                foreach (var role in rule.Roles)
                {
                    var slot = Slot(from, rule.Action, role);
                    if (index[slot] is not null)
                    {
                        throw new InvalidOperationException($"Workflow table lists {from} × {rule.Action} × {role} twice.");
                    }

                    index[slot] = rule;
                }
            }
        }

        return index;
    }

    private static DossierAction[][] BuildAllowed()
    {
        var allowed = new DossierAction[StatusCount * RoleCount][];
        foreach (var state in DossierStatuses.All)
        {
            foreach (var role in ActorRoles.All)
            {
                var list = new List<DossierAction>();
                foreach (var action in DossierActions.All)
                {
                    if (Index[Slot(state, action, role)] is not null)
                    {
                        list.Add(action);
                    }
                }

                allowed[((int)state * RoleCount) + (int)role] = [.. list];
            }
        }

        return allowed;
    }

    private static int Slot(DossierStatus state, DossierAction action, ActorRole role) =>
        (((int)state * ActionCount) + (int)action) * RoleCount + (int)role;

    private static bool InRange(DossierStatus state, DossierAction action, ActorRole role) =>
        (uint)state < (uint)StatusCount && (uint)action < (uint)ActionCount && (uint)role < (uint)RoleCount;

    /// <summary>Decides whether <paramref name="role"/> may do <paramref name="action"/> in <paramref name="state"/>, and to which state it leads.</summary>
    public static TransitionResult Decide(DossierStatus state, DossierAction action, ActorRole role, TransitionContext ctx)
    {
        if (!InRange(state, action, role))
        {
            return TransitionResult.Denied(DenialKind.State, null, "Thao tác không hợp lệ.");
        }

        var rule = Index[Slot(state, action, role)];
        if (rule is null)
        {
            return DenyByTable(state, action, role);
        }

        var fields = CheckFields(action, ctx);
        if (fields is { } denied)
        {
            return denied;
        }

        return rule.Kind switch
        {
            Target.Same => TransitionResult.Allowed(state),
            Target.Resume => Resume(ctx.PausedFrom),
            _ when rule.To.PausesClock() => TransitionResult.Allowed(
                rule.To,
                ClockEffect.Pause,
                pausedFrom: state,
                countsAsLate: action == RequestSupplement && ctx.SupplementRequestsAtThisUnit > 0),
            _ => TransitionResult.Allowed(rule.To),
        };
    }

    /// <summary>True when <see cref="Decide"/> would allow the action given a complete context (state and role only).</summary>
    public static bool IsPermitted(DossierStatus state, DossierAction action, ActorRole role) =>
        InRange(state, action, role) && Index[Slot(state, action, role)] is not null;

    /// <summary>The actions <paramref name="role"/> may offer in <paramref name="state"/> (for buttons), in declaration order; no allocation.</summary>
    public static IReadOnlyList<DossierAction> AllowedActions(DossierStatus state, ActorRole role) =>
        (uint)state < (uint)StatusCount && (uint)role < (uint)RoleCount ? AllowedIndex[((int)state * RoleCount) + (int)role] : [];

    /// <summary>Whether the action needs a reason code from the configured list (and a note) so that no decision goes without a stated reason.</summary>
    public static bool RequiresReasonCode(DossierAction action) => action is SendBack or Refuse or Stop;

    /// <summary>Whether the action needs a note (the reason) regardless of context, for marking form fields as required.</summary>
    public static bool RequiresNote(DossierAction action) => action is SendBack or Refuse or Stop or Apologize;

    private static TransitionResult DenyByTable(DossierStatus state, DossierAction action, ActorRole role)
    {
        if (role == Admin)
        {
            return TransitionResult.Denied(DenialKind.Role, null, "Quản trị viên không xử lý hồ sơ.");
        }

        foreach (var other in ActorRoles.All)
        {
            if (Index[Slot(state, action, other)] is not null)
            {
                return TransitionResult.Denied(
                    DenialKind.Role, null, "{0} không được thực hiện thao tác “{1}” với hồ sơ ở trạng thái “{2}”.",
                    role.Label(), action.Label(), state.Label());
            }
        }

        return TransitionResult.Denied(
            DenialKind.State, null, "Không thể thực hiện thao tác “{0}” với hồ sơ ở trạng thái “{1}”.", action.Label(), state.Label());
    }

    private static TransitionResult? CheckFields(DossierAction action, TransitionContext ctx)
    {
        switch (action)
        {
            case Forward when string.IsNullOrWhiteSpace(ctx.TargetUnitCode):
                return TransitionResult.Denied(DenialKind.MissingField, "toUnitCode", "Chưa chọn đơn vị nhận hồ sơ.");
            case SendBack or Refuse or Stop when string.IsNullOrWhiteSpace(ctx.ReasonCode):
                return TransitionResult.Denied(DenialKind.MissingField, "reasonCode", "Chưa chọn lý do trong danh mục.");
            case SendBack when string.IsNullOrWhiteSpace(ctx.Note):
                return TransitionResult.Denied(DenialKind.MissingField, "note", "Trả lại hồ sơ phải ghi rõ lý do.");
            case Refuse when string.IsNullOrWhiteSpace(ctx.Note):
                return TransitionResult.Denied(DenialKind.MissingField, "note", "Từ chối hồ sơ phải ghi rõ lý do.");
            case Stop when string.IsNullOrWhiteSpace(ctx.Note):
                return TransitionResult.Denied(DenialKind.MissingField, "note", "Dừng xử lý hồ sơ phải ghi rõ lý do.");
            case RequestSupplement when ctx.SupplementRequestsAtThisUnit > 0 && string.IsNullOrWhiteSpace(ctx.Note):
                return TransitionResult.Denied(
                    DenialKind.MissingField, "note",
                    "Đơn vị đã yêu cầu bổ sung hồ sơ này một lần; yêu cầu lần nữa phải ghi rõ lý do và hồ sơ sẽ bị tính là trễ hạn.");
            case RecordResult when string.IsNullOrWhiteSpace(ctx.ResultFileId):
                return TransitionResult.Denied(DenialKind.MissingField, "resultFileId", "Chưa đính kèm tệp kết quả.");
            case Apologize:
                return CheckApology(ctx);
            default:
                return null;
        }
    }

    private static TransitionResult? CheckApology(TransitionContext ctx)
    {
        if (ctx.Today is not { } today || ctx.DueDate is not { } due)
        {
            return TransitionResult.Denied(DenialKind.MissingField, "dueDate", "Hồ sơ chưa có ngày hẹn trả nên không thể xin lỗi và hẹn lại.");
        }

        if (today > due)
        {
            return TransitionResult.Denied(
                DenialKind.Deadline, "dueDate", "Đã quá ngày hẹn trả {0}: văn bản xin lỗi phải gửi trước khi hết hạn.",
                due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        }

        if (string.IsNullOrWhiteSpace(ctx.Note))
        {
            return TransitionResult.Denied(DenialKind.MissingField, "note", "Văn bản xin lỗi phải ghi rõ lý do trễ hạn.");
        }

        if (ctx.NewDueDate is not { } newDue)
        {
            return TransitionResult.Denied(DenialKind.MissingField, "newDueDate", "Chưa nhập ngày hẹn trả mới.");
        }

        return newDue <= due
            ? TransitionResult.Denied(
                DenialKind.Invalid, "newDueDate", "Ngày hẹn trả mới phải sau ngày hẹn hiện tại {0}.",
                due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture))
            : null;
    }

    private static TransitionResult Resume(DossierStatus? pausedFrom) => pausedFrom switch
    {
        null => TransitionResult.Allowed(InProcess, ClockEffect.Resume),
        AwaitingReception or Received or InProcess => TransitionResult.Allowed(pausedFrom.Value, ClockEffect.Resume),
        _ => TransitionResult.Denied(DenialKind.Invalid, null, "Trạng thái trước khi tạm dừng không hợp lệ: {0}.", pausedFrom.Value.Label()),
    };
}
