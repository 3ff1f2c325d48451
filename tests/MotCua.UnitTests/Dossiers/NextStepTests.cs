using MotCua.Domain.Dossiers;

namespace MotCua.UnitTests.Dossiers;

public sealed class NextStepTests
{
    // The primary action of the dossier page, written as a reader states it, one line per status: Desk, Specialist,
    // Leader, Admin, Applicant, System ("-" = no primary action: the step is someone else's or the dossier is closed).
    private static readonly string[] Expected =
    [
        "AwaitingReception  accept               -                    -                    -  -  -",
        "Received           forward              -                    forward              -  -  -",
        "InProcess          -                    submit-for-approval  -                    -  -  -",
        "AwaitingSupplement receive-supplement   -                    -                    -  -  receive-supplement",
        "AwaitingFee        confirm-fee          -                    -                    -  -  confirm-fee",
        "AwaitingApproval   -                    -                    approve              -  -  -",
        "Approved           record-result        record-result        -                    -  -  -",
        "ResultReady        return-result        -                    -                    -  -  return-result",
        "Returned           -                    -                    -                    -  -  -",
        "Refused            -                    -                    -                    -  -  -",
        "Stopped            -                    -                    -                    -  -  -",
        "Withdrawn          -                    -                    -                    -  -  -",
    ];

    private static readonly ActorRole[] Columns = [ActorRole.Desk, ActorRole.Specialist, ActorRole.Leader, ActorRole.Admin, ActorRole.Applicant, ActorRole.System];

    public static TheoryData<DossierStatus, ActorRole, string> Cases()
    {
        var data = new TheoryData<DossierStatus, ActorRole, string>();
        foreach (var line in Expected)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < Columns.Length; i++)
            {
                data.Add(Enum.Parse<DossierStatus>(parts[0]), Columns[i], parts[i + 1]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_primary_action_of_every_status_and_role(DossierStatus state, ActorRole role, string expected)
    {
        var primary = NextStep.Primary(state, role);
        Assert.Equal(expected, primary?.ToKebab() ?? "-");
    }

    [Fact]
    public void The_expected_table_covers_every_status_and_every_role_once()
    {
        Assert.Equal(DossierStatuses.All.Order(), Expected.Select(l => Enum.Parse<DossierStatus>(l.Split(' ')[0])).Order());
        Assert.Equal(ActorRoles.All.Order(), Columns.Order());
    }

    [Fact]
    public void The_primary_action_is_always_allowed_and_never_among_the_secondary_ones()
    {
        foreach (var state in DossierStatuses.All)
        {
            foreach (var role in ActorRoles.All)
            {
                var allowed = Workflow.AllowedActions(state, role);
                var secondary = NextStep.Secondary(state, role);
                if (NextStep.Primary(state, role) is { } primary)
                {
                    Assert.Contains(primary, allowed);
                    Assert.DoesNotContain(primary, secondary);
                    Assert.Equal(allowed.Count - 1, secondary.Count);
                }
                else
                {
                    Assert.Equal(allowed, secondary);
                }
            }
        }
    }

    [Fact]
    public void A_specialist_processing_a_dossier_submits_it_and_can_still_send_it_back()
    {
        Assert.Equal(DossierAction.SubmitForApproval, NextStep.Primary(DossierStatus.InProcess, ActorRole.Specialist));
        Assert.Contains(DossierAction.SendBack, NextStep.Secondary(DossierStatus.InProcess, ActorRole.Specialist));
        Assert.Contains(DossierAction.Forward, NextStep.Secondary(DossierStatus.InProcess, ActorRole.Specialist));
    }

    [Theory]
    [InlineData(DossierStatus.InProcess, "Specialist")]
    [InlineData(DossierStatus.AwaitingApproval, "Leader")]
    [InlineData(DossierStatus.Received, "Desk,Leader")]
    [InlineData(DossierStatus.Approved, "Desk,Specialist")]
    [InlineData(DossierStatus.AwaitingSupplement, "Desk")]
    [InlineData(DossierStatus.ResultReady, "Desk")]
    [InlineData(DossierStatus.Returned, "")]
    [InlineData(DossierStatus.Withdrawn, "")]
    public void Who_takes_the_next_step_leaves_out_the_system(DossierStatus state, string roles)
    {
        Assert.Equal(roles, string.Join(",", NextStep.Actors(state)));
    }
}
