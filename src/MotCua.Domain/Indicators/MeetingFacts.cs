namespace MotCua.Domain.Indicators;

/// <summary>A held meeting as the indicators count it: for its organising unit, on its local (Asia/Ho_Chi_Minh) date.</summary>
public sealed record MeetingFacts(string UnitPath, DateOnly HeldOn, bool Online)
{
    /// <summary>What one held meeting adds: one to <see cref="Measure.MeetingsHeld"/>, and to <see cref="Measure.MeetingsOnline"/> when online.</summary>
    public (DateOnly Day, MeasureVector Counts) Contribution()
    {
        var v = new MeasureVector();
        v[Measure.MeetingsHeld] = 1;
        v[Measure.MeetingsOnline] = Online ? 1 : 0;
        return (HeldOn, v);
    }
}
