using MotCua.Domain.Dossiers;

namespace MotCua.UnitTests.Dossiers;

public sealed class RefusalUndoTests
{
    private static readonly DateTime RefusedAt = new(2025, 6, 3, 2, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private static readonly LastEvent Refusal = new("refuse", "u-leader", RefusedAt, DossierStatus.InProcess);

    [Fact]
    public void The_author_undoes_within_the_window_back_to_the_state_before()
    {
        var result = RefusalUndo.Decide(DossierStatus.Refused, Refusal, "u-leader", RefusedAt.AddMinutes(10), Window);

        Assert.True(result.IsAllowed);
        Assert.Equal(DossierStatus.InProcess, result.Next);
    }

    [Fact]
    public void After_the_window_the_refusal_stands()
    {
        var result = RefusalUndo.Decide(DossierStatus.Refused, Refusal, "u-leader", RefusedAt.AddMinutes(10).AddSeconds(1), Window);

        Assert.Equal(DenialKind.Deadline, result.Denial);
        Assert.Contains("10 phút", result.Reason);
    }

    [Fact]
    public void Someone_else_cannot_undo_it()
    {
        var result = RefusalUndo.Decide(DossierStatus.Refused, Refusal, "u-other", RefusedAt.AddMinutes(1), Window);

        Assert.Equal(DenialKind.Role, result.Denial);
    }

    [Theory]
    [InlineData(DossierStatus.InProcess, "refuse")]
    [InlineData(DossierStatus.Refused, "undo-refusal")]
    [InlineData(DossierStatus.Refused, "stop")]
    public void Only_a_refusal_that_is_the_last_event_can_be_undone(DossierStatus status, string lastAction)
    {
        var result = RefusalUndo.Decide(status, Refusal with { Action = lastAction }, "u-leader", RefusedAt.AddMinutes(1), Window);

        Assert.Equal(DenialKind.State, result.Denial);
    }
}
