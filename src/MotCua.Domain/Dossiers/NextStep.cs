using static MotCua.Domain.Dossiers.DossierAction;
using static MotCua.Domain.Dossiers.DossierStatus;

namespace MotCua.Domain.Dossiers;

/// <summary>
/// The next legal step of a dossier (issue 21.3): the action that moves it along the ordinary path of the workflow
/// (receive → forward → submit → approve → record → return, resuming a pause first), and which of the actions a role may
/// take is the one its dossier page offers first. Every other allowed action is secondary (send-back, supplement,
/// refuse, stop, withdraw, apologize, and forwarding again while it is being processed).
/// </summary>
public static class NextStep
{
    /// <summary>The action that moves a dossier in <paramref name="state"/> along the ordinary path; null once it is closed.</summary>
    public static DossierAction? Of(DossierStatus state) => state switch
    {
        AwaitingReception => Accept,
        Received => Forward,
        InProcess => SubmitForApproval,
        AwaitingSupplement => ReceiveSupplement,
        AwaitingFee => ConfirmFee,
        AwaitingApproval => Approve,
        Approved => RecordResult,
        ResultReady => ReturnResult,
        _ => null,
    };

    /// <summary>
    /// The one primary action for <paramref name="role"/> on a dossier in <paramref name="state"/>: the next step when the
    /// transition table lets this role take it, otherwise null (the step belongs to someone else, or the dossier is closed).
    /// Always one of <see cref="Workflow.AllowedActions"/>.
    /// </summary>
    public static DossierAction? Primary(DossierStatus state, ActorRole role) =>
        Of(state) is { } next && Workflow.IsPermitted(state, next, role) ? next : null;

    /// <summary>The people who may take the next step (for "waiting for …"); the system's automatic steps are left out.</summary>
    public static IReadOnlyList<ActorRole> Actors(DossierStatus state) =>
        Of(state) is { } next ? [.. ActorRoles.All.Where(r => r != ActorRole.System && Workflow.IsPermitted(state, next, r))] : [];

    /// <summary>The allowed actions other than the primary one, in the table's order (for the "other actions" control).</summary>
    public static IReadOnlyList<DossierAction> Secondary(DossierStatus state, ActorRole role)
    {
        var primary = Primary(state, role);
        return [.. Workflow.AllowedActions(state, role).Where(a => a != primary)];
    }
}
