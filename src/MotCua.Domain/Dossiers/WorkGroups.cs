using static MotCua.Domain.Dossiers.DossierStatus;

namespace MotCua.Domain.Dossiers;

/// <summary>A group of the officer's workspace ("Việc của tôi"): the dossiers that wait for one next step.</summary>
public enum WorkGroup
{
    /// <summary>Chờ tiếp nhận: online or postal submissions the desk must accept (or answer).</summary>
    ToAccept,

    /// <summary>Chờ chuyển xử lý: received, to be handed to the processing unit.</summary>
    ToRoute,

    /// <summary>Chờ xử lý: at the specialist's unit, to be processed and submitted for approval.</summary>
    ToProcess,

    /// <summary>Chờ phê duyệt: the leader approves (signs) or sends back.</summary>
    ToApprove,

    /// <summary>Đã phê duyệt – chờ cập nhật kết quả: the result is to be attached.</summary>
    ToRecordResult,

    /// <summary>Có kết quả – chờ trả: the applicant collects the result at the desk (or online).</summary>
    ToReturn,

    /// <summary>Trả qua bưu chính: the result is ready and the applicant asked for it by post.</summary>
    ToReturnByPost,

    /// <summary>Chờ bổ sung: the clock is paused until the desk receives the applicant's supplement.</summary>
    WaitingForSupplement,

    /// <summary>Chờ thanh toán: the clock is paused until the fee is confirmed.</summary>
    WaitingForFee,
}

/// <summary>Which of a dossier's two units a group is read from: where it was received, or where it is now.</summary>
public enum WorkSide
{
    /// <summary>The desk serves the applicant for the unit that received the dossier (intake, supplements, fees, return).</summary>
    ReceivingUnit,

    /// <summary>Specialists and leaders work on what is at their unit now.</summary>
    CurrentUnit,
}

/// <summary>One line of a role's workspace: the dossiers in <see cref="Status"/> at the <see cref="Side"/> unit make up <see cref="Group"/>.</summary>
public sealed record WorkGroupEntry(WorkGroup Group, DossierStatus Status, DossierAction NextAction, WorkSide Side);

/// <summary>
/// What waits for whom, derived from the workflow table (ADR 0006): every open status waits for one action on the main path,
/// and a dossier is in a role's workspace when the table lets that role take that action. So the workspace never offers a
/// step the dossier page would refuse.
/// </summary>
public static class WorkGroups
{
    /// <summary>Display order of the groups: intake first, then processing, decisions and return, the paused ones last.</summary>
    public static IReadOnlyList<WorkGroup> Order { get; } = Enum.GetValues<WorkGroup>();

    /// <summary>
    /// The group a dossier in <paramref name="status"/> belongs to for <paramref name="role"/>, or null when it waits for
    /// someone else (or for nobody). <paramref name="postalReturn"/>: the applicant asked for the result by post.
    /// </summary>
    public static WorkGroup? GroupFor(DossierStatus status, ActorRole role, bool postalReturn = false)
    {
        // The dossier page's primary action and the workspace group come from the same rule (NextStep).
        if (NextStep.Primary(status, role) is null || role is ActorRole.System or ActorRole.Applicant)
        {
            return null;
        }

        return status switch
        {
            AwaitingReception => WorkGroup.ToAccept,
            Received => WorkGroup.ToRoute,
            InProcess => WorkGroup.ToProcess,
            AwaitingApproval => WorkGroup.ToApprove,
            Approved => WorkGroup.ToRecordResult,
            ResultReady => postalReturn ? WorkGroup.ToReturnByPost : WorkGroup.ToReturn,
            AwaitingSupplement => WorkGroup.WaitingForSupplement,
            _ => WorkGroup.WaitingForFee,
        };
    }

    /// <summary>The desk acts for the receiving unit; everyone else on what is at their unit now.</summary>
    public static WorkSide SideFor(ActorRole role) => role == ActorRole.Desk ? WorkSide.ReceivingUnit : WorkSide.CurrentUnit;

    /// <summary>
    /// The lines of the workspace of someone holding <paramref name="roles"/>, in display order, each (group, status, side) once.
    /// Empty for administrators and other roles that do not decide dossiers.
    /// </summary>
    public static IReadOnlyList<WorkGroupEntry> For(IEnumerable<ActorRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var entries = new List<WorkGroupEntry>();
        foreach (var role in roles.Distinct())
        {
            foreach (var status in DossierStatuses.All)
            {
                foreach (var postal in status == ResultReady ? [false, true] : new[] { false })
                {
                    if (GroupFor(status, role, postal) is { } group)
                    {
                        var entry = new WorkGroupEntry(group, status, NextStep.Of(status)!.Value, SideFor(role));
                        if (!entries.Contains(entry))
                        {
                            entries.Add(entry);
                        }
                    }
                }
            }
        }

        return [.. entries.OrderBy(e => e.Group).ThenBy(e => e.Side)];
    }

    /// <summary>Vietnamese title of a group.</summary>
    public static string Label(this WorkGroup group) => group switch
    {
        WorkGroup.ToAccept => "Chờ tiếp nhận",
        WorkGroup.ToRoute => "Chờ chuyển xử lý",
        WorkGroup.ToProcess => "Chờ xử lý",
        WorkGroup.ToApprove => "Chờ phê duyệt",
        WorkGroup.ToRecordResult => "Đã phê duyệt – chờ cập nhật kết quả",
        WorkGroup.ToReturn => "Có kết quả – chờ trả",
        WorkGroup.ToReturnByPost => "Có kết quả – trả qua bưu chính",
        WorkGroup.WaitingForSupplement => "Chờ bổ sung",
        WorkGroup.WaitingForFee => "Chờ thanh toán phí, lệ phí",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    /// <summary>The API name of a group (kebab case).</summary>
    public static string Key(this WorkGroup group) => group switch
    {
        WorkGroup.ToAccept => "to-accept",
        WorkGroup.ToRoute => "to-route",
        WorkGroup.ToProcess => "to-process",
        WorkGroup.ToApprove => "to-approve",
        WorkGroup.ToRecordResult => "to-record-result",
        WorkGroup.ToReturn => "to-return",
        WorkGroup.ToReturnByPost => "to-return-by-post",
        WorkGroup.WaitingForSupplement => "awaiting-supplement",
        WorkGroup.WaitingForFee => "awaiting-fee",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };
}
