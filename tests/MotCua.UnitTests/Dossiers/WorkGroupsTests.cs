using MotCua.Domain.Dossiers;
using static MotCua.Domain.Dossiers.ActorRole;
using static MotCua.Domain.Dossiers.DossierStatus;
using static MotCua.Domain.Dossiers.WorkGroup;

namespace MotCua.UnitTests.Dossiers;

/// <summary>The workspace's grouping rule ("Việc của tôi", issue 21.2): what waits for whom, read from the workflow table.</summary>
public sealed class WorkGroupsTests
{
    [Theory]
    [InlineData(AwaitingReception, Desk, ToAccept)]
    [InlineData(Received, Desk, ToRoute)]
    [InlineData(AwaitingSupplement, Desk, WaitingForSupplement)]
    [InlineData(AwaitingFee, Desk, WaitingForFee)]
    [InlineData(Approved, Desk, ToRecordResult)]
    [InlineData(ResultReady, Desk, ToReturn)]
    [InlineData(InProcess, Specialist, ToProcess)]
    [InlineData(Approved, Specialist, ToRecordResult)]
    [InlineData(AwaitingApproval, Leader, ToApprove)]
    [InlineData(Received, Leader, ToRoute)]
    public void Each_open_state_waits_in_the_group_of_the_roles_that_may_take_its_next_step(DossierStatus status, ActorRole role, WorkGroup expected) =>
        Assert.Equal(expected, WorkGroups.GroupFor(status, role));

    [Theory]
    [InlineData(InProcess, Desk)] // at the specialist: the desk may only pause or withdraw it
    [InlineData(AwaitingApproval, Specialist)] // with the leader now
    [InlineData(AwaitingApproval, Desk)]
    [InlineData(InProcess, Leader)] // a leader may re-route or stop, but nothing waits for them until it is submitted
    [InlineData(AwaitingReception, Specialist)]
    [InlineData(ResultReady, Specialist)]
    [InlineData(AwaitingSupplement, Specialist)] // the supplement comes in at the desk
    [InlineData(Approved, Leader)]
    public void A_dossier_that_waits_for_another_role_is_not_in_this_roles_workspace(DossierStatus status, ActorRole role) =>
        Assert.Null(WorkGroups.GroupFor(status, role));

    [Fact]
    public void Closed_dossiers_wait_for_nobody_and_administrators_decide_nothing()
    {
        foreach (var role in ActorRoles.All)
        {
            foreach (var status in new[] { Returned, Refused, Stopped, Withdrawn })
            {
                Assert.Null(WorkGroups.GroupFor(status, role));
            }
        }

        Assert.Empty(WorkGroups.For([Admin]));
        Assert.All(DossierStatuses.All, s => Assert.Null(WorkGroups.GroupFor(s, ActorRole.System)));
        Assert.All(DossierStatuses.All, s => Assert.Null(WorkGroups.GroupFor(s, Applicant)));
    }

    [Fact]
    public void A_result_the_applicant_asked_by_post_is_its_own_group()
    {
        Assert.Equal(ToReturnByPost, WorkGroups.GroupFor(ResultReady, Desk, postalReturn: true));
        Assert.Equal(ToReturn, WorkGroups.GroupFor(ResultReady, Desk, postalReturn: false));
    }

    [Fact]
    public void The_workspace_never_offers_a_step_the_workflow_refuses()
    {
        foreach (var role in ActorRoles.All)
        {
            foreach (var entry in WorkGroups.For([role]))
            {
                Assert.True(Workflow.IsPermitted(entry.Status, entry.NextAction, role), $"{role} in {entry.Group}: {entry.Status} × {entry.NextAction}");
                Assert.Contains(entry.NextAction, Workflow.AllowedActions(entry.Status, role));
            }
        }
    }

    [Fact]
    public void Every_open_state_waits_for_some_staff_role()
    {
        foreach (var status in DossierStatuses.All.Where(s => s.IsOpen()))
        {
            Assert.Contains(new[] { Desk, Specialist, Leader }, role => WorkGroups.GroupFor(status, role) is not null);
        }
    }

    [Fact]
    public void Each_role_gets_its_groups_in_display_order_and_the_right_side_of_the_dossier()
    {
        var desk = WorkGroups.For([Desk]);
        Assert.Equal([ToAccept, ToRoute, ToRecordResult, ToReturn, ToReturnByPost, WaitingForSupplement, WaitingForFee], desk.Select(e => e.Group));
        Assert.All(desk, e => Assert.Equal(WorkSide.ReceivingUnit, e.Side));

        var specialist = WorkGroups.For([Specialist]);
        Assert.Equal([ToProcess, ToRecordResult], specialist.Select(e => e.Group));
        Assert.All(specialist, e => Assert.Equal(WorkSide.CurrentUnit, e.Side));
        Assert.Equal(DossierAction.SubmitForApproval, specialist[0].NextAction);

        Assert.Equal([ToRoute, ToApprove], WorkGroups.For([Leader]).Select(e => e.Group));
    }

    [Fact]
    public void Someone_with_two_roles_gets_each_group_once_per_side()
    {
        var both = WorkGroups.For([Desk, Specialist, Desk]);
        Assert.Equal(both.Count, both.Distinct().Count());
        Assert.Equal(2, both.Count(e => e.Group == ToRecordResult)); // the desk's receiving unit and the specialist's current unit
        Assert.Contains(both, e => e.Group == ToProcess);
        Assert.Contains(both, e => e.Group == ToAccept);
    }

    [Fact]
    public void Every_group_has_a_label_and_an_api_key()
    {
        Assert.All(WorkGroups.Order, g => Assert.False(string.IsNullOrWhiteSpace(g.Label())));
        Assert.Equal(WorkGroups.Order.Count, WorkGroups.Order.Select(g => g.Key()).Distinct().Count());
        Assert.Equal("Chờ tiếp nhận", ToAccept.Label());
        Assert.Equal("Có kết quả – chờ trả", ToReturn.Label());
    }
}
