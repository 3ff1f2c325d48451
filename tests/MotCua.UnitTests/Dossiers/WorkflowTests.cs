using System.Text.Json;
using MotCua.Domain.Dossiers;

namespace MotCua.UnitTests.Dossiers;

public sealed class WorkflowTests
{
    // The rules as a reader states them, written independently of Workflow's table:
    // "state  action  role[,role…]  -> next". Every combination not listed must be denied.
    private static readonly string[] Expected =
    [
        "AwaitingReception  accept               Desk                    -> Received",
        "AwaitingReception  request-supplement   Desk                    -> AwaitingSupplement",
        "AwaitingReception  refuse               Desk                    -> Refused",
        "AwaitingReception  withdraw             Applicant,Desk          -> Withdrawn",

        "Received           forward              Desk,Leader             -> InProcess",
        "Received           request-supplement   Desk                    -> AwaitingSupplement",
        "Received           request-fee          Desk                    -> AwaitingFee",
        "Received           refuse               Desk,Leader             -> Refused",
        "Received           stop                 Leader                  -> Stopped",
        "Received           withdraw             Applicant,Desk          -> Withdrawn",
        "Received           apologize            Desk,Specialist,Leader  -> Received",

        "InProcess          forward              Specialist,Leader       -> InProcess",
        "InProcess          send-back            Specialist              -> InProcess",
        "InProcess          request-supplement   Desk,Specialist         -> AwaitingSupplement",
        "InProcess          request-fee          Desk,Specialist         -> AwaitingFee",
        "InProcess          submit-for-approval  Specialist              -> AwaitingApproval",
        "InProcess          refuse               Leader                  -> Refused",
        "InProcess          stop                 Leader                  -> Stopped",
        "InProcess          withdraw             Applicant,Desk          -> Withdrawn",
        "InProcess          apologize            Desk,Specialist,Leader  -> InProcess",

        // Resume targets assume the context below: PausedFrom = Received.
        "AwaitingSupplement receive-supplement   Desk,System             -> Received",
        "AwaitingSupplement refuse               Leader                  -> Refused",
        "AwaitingSupplement stop                 Leader                  -> Stopped",
        "AwaitingSupplement withdraw             Applicant,Desk          -> Withdrawn",
        "AwaitingSupplement apologize            Desk,Specialist,Leader  -> AwaitingSupplement",

        "AwaitingFee        confirm-fee          Desk,System             -> Received",
        "AwaitingFee        refuse               Leader                  -> Refused",
        "AwaitingFee        stop                 Leader                  -> Stopped",
        "AwaitingFee        withdraw             Applicant,Desk          -> Withdrawn",
        "AwaitingFee        apologize            Desk,Specialist,Leader  -> AwaitingFee",

        "AwaitingApproval   forward              Leader                  -> InProcess",
        "AwaitingApproval   send-back            Leader                  -> InProcess",
        "AwaitingApproval   approve              Leader                  -> Approved",
        "AwaitingApproval   refuse               Leader                  -> Refused",
        "AwaitingApproval   stop                 Leader                  -> Stopped",
        "AwaitingApproval   withdraw             Applicant,Desk          -> Withdrawn",
        "AwaitingApproval   apologize            Desk,Specialist,Leader  -> AwaitingApproval",

        "Approved           record-result        Specialist,Desk         -> ResultReady",
        "Approved           apologize            Desk,Specialist,Leader  -> Approved",

        "ResultReady        return-result        Desk,System             -> Returned",
    ];

    private static readonly TransitionContext Complete = new()
    {
        Note = "Lý do",
        ReasonCode = "GIAY-TO-KHONG-HOP-LE",
        TargetUnitCode = "H15.50.05.13",
        ResultFileId = "sha256-abc",
        SupplementRequestsAtThisUnit = 0,
        PausedFrom = DossierStatus.Received,
        Today = new DateOnly(2026, 10, 8),
        DueDate = new DateOnly(2026, 10, 15),
        NewDueDate = new DateOnly(2026, 10, 20),
    };

    private static Dictionary<(DossierStatus, DossierAction, ActorRole), DossierStatus> ParseExpected()
    {
        var map = new Dictionary<(DossierStatus, DossierAction, ActorRole), DossierStatus>();
        foreach (var line in Expected)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(5, parts.Length);
            Assert.Equal("->", parts[3]);
            var state = Enum.Parse<DossierStatus>(parts[0]);
            Assert.True(DossierActions.TryParse(parts[1], out var action), parts[1]);
            var next = Enum.Parse<DossierStatus>(parts[4]);
            foreach (var role in parts[2].Split(','))
            {
                map.Add((state, action, Enum.Parse<ActorRole>(role)), next);
            }
        }

        return map;
    }

    [Fact]
    public void Every_state_action_role_combination_matches_the_expected_rules()
    {
        var expected = ParseExpected();
        var mismatches = new List<string>();
        var combinations = 0;
        foreach (var state in Enum.GetValues<DossierStatus>())
        {
            foreach (var action in Enum.GetValues<DossierAction>())
            {
                foreach (var role in Enum.GetValues<ActorRole>())
                {
                    combinations++;
                    var result = Workflow.Decide(state, action, role, Complete);
                    var shouldAllow = expected.TryGetValue((state, action, role), out var next);
                    if (result.IsAllowed != shouldAllow || (shouldAllow && result.Next != next))
                    {
                        mismatches.Add($"{state} {action.ToKebab()} {role}: expected {(shouldAllow ? next.ToString() : "denied")}, got {(result.IsAllowed ? result.Next.ToString() : "denied: " + result.Reason)}");
                    }

                    if (!result.IsAllowed)
                    {
                        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
                        Assert.True(result.Denial is DenialKind.State or DenialKind.Role, $"{state} {action} {role}: {result.Denial}");
                    }
                }
            }
        }

        Assert.Equal(12 * 15 * 6, combinations);
        Assert.Empty(mismatches);
    }

    [Fact]
    public void AllowedActions_lists_exactly_what_Decide_allows()
    {
        foreach (var state in Enum.GetValues<DossierStatus>())
        {
            foreach (var role in Enum.GetValues<ActorRole>())
            {
                var fromDecide = Enum.GetValues<DossierAction>()
                    .Where(a => Workflow.Decide(state, a, role, Complete).IsAllowed)
                    .ToArray();
                Assert.Equal(fromDecide, Workflow.AllowedActions(state, role));
                Assert.All(fromDecide, a => Assert.True(Workflow.IsPermitted(state, a, role)));
            }
        }
    }

    [Fact]
    public void Desk_buttons_on_an_online_dossier()
    {
        Assert.Equal(
            [DossierAction.Accept, DossierAction.RequestSupplement, DossierAction.Refuse, DossierAction.Withdraw],
            Workflow.AllowedActions(DossierStatus.AwaitingReception, ActorRole.Desk));
    }

    [Fact]
    public void Admin_may_not_act_on_any_dossier()
    {
        foreach (var state in Enum.GetValues<DossierStatus>())
        {
            Assert.Empty(Workflow.AllowedActions(state, ActorRole.Admin));
            var result = Workflow.Decide(state, DossierAction.Approve, ActorRole.Admin, Complete);
            Assert.Equal(DenialKind.Role, result.Denial);
            Assert.Equal("Quản trị viên không xử lý hồ sơ.", result.Reason);
        }
    }

    [Fact]
    public void Closed_dossiers_allow_nothing()
    {
        foreach (var state in Enum.GetValues<DossierStatus>().Where(s => s.IsClosed()))
        {
            foreach (var role in Enum.GetValues<ActorRole>())
            {
                Assert.Empty(Workflow.AllowedActions(state, role));
            }
        }
    }

    [Fact]
    public void Denial_says_role_when_another_role_could_act_and_state_when_nobody_could()
    {
        var role = Workflow.Decide(DossierStatus.AwaitingApproval, DossierAction.Approve, ActorRole.Specialist, Complete);
        Assert.Equal(DenialKind.Role, role.Denial);
        Assert.Equal("Chuyên viên không được thực hiện thao tác “Phê duyệt” với hồ sơ ở trạng thái “Chờ phê duyệt”.", role.Reason);

        var state = Workflow.Decide(DossierStatus.Returned, DossierAction.Approve, ActorRole.Leader, Complete);
        Assert.Equal(DenialKind.State, state.Denial);
        Assert.Equal("Không thể thực hiện thao tác “Phê duyệt” với hồ sơ ở trạng thái “Đã trả kết quả”.", state.Reason);
        Assert.Equal("Không thể thực hiện thao tác “{0}” với hồ sơ ở trạng thái “{1}”.", state.ReasonTemplate);
        Assert.Equal(["Phê duyệt", "Đã trả kết quả"], state.ReasonArgs);
    }

    [Theory]
    [InlineData(DossierStatus.AwaitingApproval, DossierAction.SendBack, ActorRole.Leader, "note")]
    [InlineData(DossierStatus.InProcess, DossierAction.SendBack, ActorRole.Specialist, "note")]
    [InlineData(DossierStatus.InProcess, DossierAction.Refuse, ActorRole.Leader, "note")]
    [InlineData(DossierStatus.Received, DossierAction.Refuse, ActorRole.Desk, "note")]
    [InlineData(DossierStatus.InProcess, DossierAction.Stop, ActorRole.Leader, "note")]
    [InlineData(DossierStatus.InProcess, DossierAction.Apologize, ActorRole.Specialist, "note")]
    [InlineData(DossierStatus.Received, DossierAction.Forward, ActorRole.Desk, "toUnitCode")]
    [InlineData(DossierStatus.Approved, DossierAction.RecordResult, ActorRole.Specialist, "resultFileId")]
    [InlineData(DossierStatus.InProcess, DossierAction.Apologize, ActorRole.Leader, "newDueDate")]
    [InlineData(DossierStatus.AwaitingApproval, DossierAction.SendBack, ActorRole.Leader, "reasonCode")]
    [InlineData(DossierStatus.Received, DossierAction.Refuse, ActorRole.Desk, "reasonCode")]
    [InlineData(DossierStatus.InProcess, DossierAction.Stop, ActorRole.Leader, "reasonCode")]
    public void Required_fields_are_enforced(DossierStatus state, DossierAction action, ActorRole role, string field)
    {
        var missing = field switch
        {
            "note" => Complete with { Note = "   " },
            "toUnitCode" => Complete with { TargetUnitCode = null },
            "resultFileId" => Complete with { ResultFileId = "" },
            "reasonCode" => Complete with { ReasonCode = " " },
            _ => Complete with { NewDueDate = null },
        };
        Assert.True(Workflow.Decide(state, action, role, Complete).IsAllowed);

        var result = Workflow.Decide(state, action, role, missing);

        Assert.False(result.IsAllowed);
        Assert.Equal(DenialKind.MissingField, result.Denial);
        Assert.Equal(field, result.Field);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Fact]
    public void Forward_and_withdraw_do_not_need_a_note()
    {
        var noNote = Complete with { Note = null };
        Assert.True(Workflow.Decide(DossierStatus.InProcess, DossierAction.Forward, ActorRole.Specialist, noNote).IsAllowed);
        Assert.True(Workflow.Decide(DossierStatus.InProcess, DossierAction.Withdraw, ActorRole.Applicant, noNote).IsAllowed);
        Assert.True(Workflow.Decide(DossierStatus.InProcess, DossierAction.RequestSupplement, ActorRole.Specialist, noNote).IsAllowed);
    }

    [Fact]
    public void RequiresReasonCode_matches_the_field_checks()
    {
        foreach (var action in Enum.GetValues<DossierAction>())
        {
            var needsCode = Enum.GetValues<DossierStatus>()
                .SelectMany(s => Enum.GetValues<ActorRole>().Select(r => (s, r)))
                .Where(p => Workflow.IsPermitted(p.s, action, p.r))
                .Any(p => Workflow.Decide(p.s, action, p.r, Complete with { ReasonCode = null }).Field == "reasonCode");
            Assert.Equal(needsCode, Workflow.RequiresReasonCode(action));
        }
    }

    [Fact]
    public void RequiresNote_matches_the_field_checks()
    {
        foreach (var action in Enum.GetValues<DossierAction>())
        {
            var needsNote = Enum.GetValues<DossierStatus>()
                .SelectMany(s => Enum.GetValues<ActorRole>().Select(r => (s, r)))
                .Where(p => Workflow.IsPermitted(p.s, action, p.r))
                .Any(p => Workflow.Decide(p.s, action, p.r, Complete with { Note = null }).Field == "note");
            Assert.Equal(needsNote, Workflow.RequiresNote(action));
        }
    }

    [Fact]
    public void First_supplement_request_pauses_the_clock_and_remembers_where_to_resume()
    {
        var result = Workflow.Decide(DossierStatus.InProcess, DossierAction.RequestSupplement, ActorRole.Specialist, Complete);

        Assert.True(result.IsAllowed);
        Assert.Equal(DossierStatus.AwaitingSupplement, result.Next);
        Assert.True(result.PausesClock);
        Assert.False(result.ResumesClock);
        Assert.Equal(DossierStatus.InProcess, result.PausedFrom);
        Assert.False(result.CountsAsLate);
    }

    [Fact]
    public void Second_supplement_request_at_one_unit_needs_a_reason_and_counts_as_late()
    {
        var second = Complete with { SupplementRequestsAtThisUnit = 1, Note = null };
        var denied = Workflow.Decide(DossierStatus.InProcess, DossierAction.RequestSupplement, ActorRole.Specialist, second);
        Assert.Equal(DenialKind.MissingField, denied.Denial);
        Assert.Equal("note", denied.Field);

        var allowed = Workflow.Decide(DossierStatus.InProcess, DossierAction.RequestSupplement, ActorRole.Specialist, second with { Note = "Bản vẽ sai tỉ lệ" });
        Assert.True(allowed.IsAllowed);
        Assert.True(allowed.CountsAsLate);
        Assert.True(allowed.PausesClock);
    }

    [Theory]
    [InlineData(DossierAction.ReceiveSupplement, DossierStatus.AwaitingSupplement, DossierStatus.AwaitingReception)]
    [InlineData(DossierAction.ReceiveSupplement, DossierStatus.AwaitingSupplement, DossierStatus.InProcess)]
    [InlineData(DossierAction.ConfirmFee, DossierStatus.AwaitingFee, DossierStatus.Received)]
    [InlineData(DossierAction.ConfirmFee, DossierStatus.AwaitingFee, DossierStatus.InProcess)]
    public void Resuming_returns_to_the_paused_state(DossierAction action, DossierStatus paused, DossierStatus pausedFrom)
    {
        var result = Workflow.Decide(paused, action, ActorRole.Desk, Complete with { PausedFrom = pausedFrom });

        Assert.True(result.IsAllowed);
        Assert.Equal(pausedFrom, result.Next);
        Assert.True(result.ResumesClock);
        Assert.False(result.PausesClock);
    }

    [Fact]
    public void Resuming_without_a_stored_state_goes_to_in_process_and_rejects_a_nonsense_one()
    {
        Assert.Equal(DossierStatus.InProcess, Workflow.Decide(DossierStatus.AwaitingFee, DossierAction.ConfirmFee, ActorRole.System, Complete with { PausedFrom = null }).Next);

        var bad = Workflow.Decide(DossierStatus.AwaitingFee, DossierAction.ConfirmFee, ActorRole.System, Complete with { PausedFrom = DossierStatus.Approved });
        Assert.False(bad.IsAllowed);
        Assert.Equal(DenialKind.Invalid, bad.Denial);
    }

    [Fact]
    public void Pause_and_resume_round_trip_through_fee()
    {
        var pause = Workflow.Decide(DossierStatus.Received, DossierAction.RequestFee, ActorRole.Desk, Complete);
        var resume = Workflow.Decide(pause.Next, DossierAction.ConfirmFee, ActorRole.System, Complete with { PausedFrom = pause.PausedFrom });

        Assert.Equal(DossierStatus.AwaitingFee, pause.Next);
        Assert.Equal(DossierStatus.Received, resume.Next);
    }

    [Fact]
    public void Only_pausing_and_resuming_actions_touch_the_clock()
    {
        foreach (var (state, action, role) in ParseExpected().Keys)
        {
            var result = Workflow.Decide(state, action, role, Complete);
            var expected = action switch
            {
                DossierAction.RequestSupplement or DossierAction.RequestFee => ClockEffect.Pause,
                DossierAction.ReceiveSupplement or DossierAction.ConfirmFee => ClockEffect.Resume,
                _ => ClockEffect.None,
            };
            Assert.Equal(expected, result.Clock);
            Assert.Equal(expected == ClockEffect.Pause, result.PausedFrom is not null);
        }
    }

    [Fact]
    public void Apology_is_allowed_up_to_and_including_the_due_date()
    {
        var due = new DateOnly(2026, 10, 15);
        var ctx = Complete with { DueDate = due, NewDueDate = due.AddDays(5) };

        Assert.True(Workflow.Decide(DossierStatus.InProcess, DossierAction.Apologize, ActorRole.Specialist, ctx with { Today = due.AddDays(-1) }).IsAllowed);
        var onDay = Workflow.Decide(DossierStatus.InProcess, DossierAction.Apologize, ActorRole.Specialist, ctx with { Today = due });
        Assert.True(onDay.IsAllowed);
        Assert.Equal(DossierStatus.InProcess, onDay.Next);

        var late = Workflow.Decide(DossierStatus.InProcess, DossierAction.Apologize, ActorRole.Specialist, ctx with { Today = due.AddDays(1) });
        Assert.Equal(DenialKind.Deadline, late.Denial);
        Assert.Equal("Đã quá ngày hẹn trả 15/10/2026: văn bản xin lỗi phải gửi trước khi hết hạn.", late.Reason);
    }

    [Fact]
    public void Apology_needs_a_new_date_after_the_current_one_and_a_known_due_date()
    {
        var sameDay = Workflow.Decide(DossierStatus.InProcess, DossierAction.Apologize, ActorRole.Leader, Complete with { NewDueDate = Complete.DueDate });
        Assert.Equal(DenialKind.Invalid, sameDay.Denial);
        Assert.Equal("newDueDate", sameDay.Field);

        var noDue = Workflow.Decide(DossierStatus.InProcess, DossierAction.Apologize, ActorRole.Leader, Complete with { DueDate = null });
        Assert.Equal(DenialKind.MissingField, noDue.Denial);
    }

    [Fact]
    public void State_and_role_are_checked_before_fields()
    {
        var result = Workflow.Decide(DossierStatus.Returned, DossierAction.Refuse, ActorRole.Leader, default);
        Assert.Equal(DenialKind.State, result.Denial);
    }

    [Fact]
    public void Out_of_range_values_are_denied_not_thrown()
    {
        Assert.False(Workflow.Decide((DossierStatus)99, DossierAction.Accept, ActorRole.Desk, Complete).IsAllowed);
        Assert.Empty(Workflow.AllowedActions(DossierStatus.Received, (ActorRole)42));
    }

    [Fact]
    public void Kebab_names_match_the_api_json_naming_and_round_trip()
    {
        foreach (var action in Enum.GetValues<DossierAction>())
        {
            var kebab = action.ToKebab();
            Assert.Equal(JsonNamingPolicy.KebabCaseLower.ConvertName(action.ToString()), kebab);
            Assert.True(DossierActions.TryParse(kebab, out var parsed));
            Assert.Equal(action, parsed);
            Assert.False(string.IsNullOrWhiteSpace(action.Label()));
        }

        Assert.Equal("submit-for-approval", DossierAction.SubmitForApproval.ToKebab());
        Assert.False(DossierActions.TryParse("Approve", out _));
        Assert.False(DossierActions.TryParse("delete", out _));
        Assert.False(DossierActions.TryParse(null, out _));
    }

    [Fact]
    public void Status_classification()
    {
        DossierStatus[] closed = [DossierStatus.Returned, DossierStatus.Refused, DossierStatus.Stopped, DossierStatus.Withdrawn];
        DossierStatus[] decided = [DossierStatus.Approved, DossierStatus.ResultReady, DossierStatus.Returned, DossierStatus.Refused, DossierStatus.Stopped];
        DossierStatus[] paused = [DossierStatus.AwaitingSupplement, DossierStatus.AwaitingFee];
        foreach (var s in Enum.GetValues<DossierStatus>())
        {
            Assert.Equal(closed.Contains(s), s.IsClosed());
            Assert.Equal(!closed.Contains(s), s.IsOpen());
            Assert.Equal(decided.Contains(s), s.IsDecided());
            Assert.Equal(decided.Contains(s) || s == DossierStatus.Withdrawn, s.IsFinished());
            Assert.Equal(paused.Contains(s), s.PausesClock());
            Assert.Equal(!closed.Contains(s) && !decided.Contains(s), s.IsPending());
            Assert.False(string.IsNullOrWhiteSpace(s.Label()));
        }
    }

    [Theory]
    [InlineData("desk", ActorRole.Desk)]
    [InlineData("specialist", ActorRole.Specialist)]
    [InlineData("leader", ActorRole.Leader)]
    [InlineData("admin", ActorRole.Admin)]
    [InlineData("citizen", ActorRole.Applicant)]
    [InlineData("reform", null)]
    [InlineData(null, null)]
    public void Account_roles_map_to_actor_roles(string? account, ActorRole? role) =>
        Assert.Equal(role, ActorRoles.FromAccountRole(account));

    [Fact]
    public void Allowed_decisions_and_button_lists_do_not_allocate()
    {
        Workflow.Decide(DossierStatus.InProcess, DossierAction.SubmitForApproval, ActorRole.Specialist, Complete);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Workflow.Decide(DossierStatus.InProcess, DossierAction.SubmitForApproval, ActorRole.Specialist, Complete);
            Workflow.Decide(DossierStatus.InProcess, DossierAction.RequestSupplement, ActorRole.Specialist, Complete);
            Workflow.AllowedActions(DossierStatus.InProcess, ActorRole.Leader);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
