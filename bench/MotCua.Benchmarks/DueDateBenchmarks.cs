using BenchmarkDotNet.Attributes;
using MotCua.Domain.Calendar;

namespace MotCua.Benchmarks;

/// <summary>Due-date computations per second on the official calendar; the baseline adds n calendar days one at a time.</summary>
[MemoryDiagnoser]
public class DueDateBenchmarks
{
    private const int Batch = 1024;
    private WorkingCalendar _calendar = null!;
    private DateOnly[] _received = [];
    private Pause[][] _pauses = [];

    [Params(1, 5, 15, 30, 60)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "holidays-vn.csv"));
        _calendar = new WorkingCalendar(CalendarCsv.Parse(reader).Rows.Select(r => r.Entry));
        var random = new Random(42);
        var start = new DateOnly(2021, 1, 1).DayNumber;
        var span = new DateOnly(2026, 10, 1).DayNumber - start;
        _received = [.. Enumerable.Range(0, Batch).Select(_ => DateOnly.FromDayNumber(start + random.Next(span)))];
        _pauses = [.. _received.Select(d => new[] { new Pause(d.AddDays(2), d.AddDays(9)) })];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int AddDaysLoop()
    {
        var sum = 0;
        foreach (var d in _received)
        {
            var x = d;
            for (var i = 0; i < N; i++)
            {
                x = x.AddDays(1);
            }

            sum += x.DayNumber;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int DueDate()
    {
        var sum = 0;
        foreach (var d in _received)
        {
            sum += _calendar.DueDate(d, N).DayNumber;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int DueDateWithPause()
    {
        var sum = 0;
        for (var i = 0; i < _received.Length; i++)
        {
            sum += _calendar.DueDate(_received[i], N, _pauses[i]).DayNumber;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int DayByDayWalk()
    {
        var sum = 0;
        foreach (var d in _received)
        {
            var x = d;
            for (var left = N; left > 0;)
            {
                x = x.AddDays(1);
                if (_calendar.IsWorkingDay(x))
                {
                    left--;
                }
            }

            sum += x.DayNumber;
        }

        return sum;
    }
}
