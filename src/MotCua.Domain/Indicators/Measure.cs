namespace MotCua.Domain.Indicators;

/// <summary>
/// The counts every indicator is a ratio of. The first group is counted on a date inside the period; the open group
/// (In/Out pairs) is counted on every date up to the period end, so that "in process at the end" is a prefix sum.
/// </summary>
public enum Measure
{
    Received,
    ReceivedOnline,
    ReceivedPostal,
    FeeBearing,
    FeeBearingPaidOnline,
    Digitized,
    Reused,

    /// <summary>Received with the applicant's identity verified electronically (VNeID sign-in or the chip ID at the desk).</summary>
    Identified,

    /// <summary>Received and held by the national public-service portal at its current state (QĐ 766 criterion 1.4).</summary>
    NationalSynced,
    Finished,
    FinishedOnTime,
    ElectronicResult,

    /// <summary>Finished dossiers transferred between units at least once: the electronic-routing population.</summary>
    TransferredBetweenUnits,

    /// <summary>Of those, every transfer was electronic.</summary>
    RoutedElectronically,
    Returned,
    Rated,
    RatedGood,
    ReturnedDissatisfied,

    /// <summary>Online submissions that must be acknowledged within 8 working hours, on their local submission date.</summary>
    AckDue,

    /// <summary>Of those, acknowledged (accepted, supplement asked, refused) by the deadline.</summary>
    AckOnTime,

    /// <summary>Of those, acknowledged after the deadline.</summary>
    AckLate,

    /// <summary>Work files (hồ sơ công việc, not secret) closed on that date.</summary>
    WorkFilesClosed,

    /// <summary>Of those, processed and closed online (<c>MotCua.Domain.Documents.WorkFileRules.ProcessedOnline</c>).</summary>
    WorkFilesClosedOnline,
    /// <summary>Meetings held by the unit, on their local date (issue 24).</summary>
    MeetingsHeld,

    /// <summary>Of those, held online as the reform plan counts it (<c>MotCua.Domain.Meetings.MeetingRules.IsOnline</c>).</summary>
    MeetingsOnline,

    /// <summary>Enters the in-process population on its receipt date.</summary>
    OpenIn,

    /// <summary>Leaves it on its decision or withdrawal date.</summary>
    OpenOut,

    /// <summary>Enters "in process and on time" on its receipt date.</summary>
    OnTimeIn,

    /// <summary>Leaves it the day after its due date, or on its decision date, whichever is first.</summary>
    OnTimeOut,
}

/// <summary>One count per <see cref="Measure"/>.</summary>
public sealed class MeasureVector
{
    public const int Length = (int)Measure.OnTimeOut + 1;
    public const int FirstOpen = (int)Measure.OpenIn;

    private readonly long[] _values;

    public MeasureVector() => _values = new long[Length];

    public MeasureVector(long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Length)
        {
            throw new ArgumentException($"Expected {Length} values.", nameof(values));
        }

        _values = values;
    }

    public long this[Measure m]
    {
        get => _values[(int)m];
        set => _values[(int)m] = value;
    }

    public long this[int i]
    {
        get => _values[i];
        set => _values[i] = value;
    }

    public bool IsZero => Array.TrueForAll(_values, v => v == 0);

    public long[] ToArray() => (long[])_values.Clone();

    public void Add(MeasureVector other, int sign = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < Length; i++)
        {
            _values[i] += sign * other._values[i];
        }
    }
}
