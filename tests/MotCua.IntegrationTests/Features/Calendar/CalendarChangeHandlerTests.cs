using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.Calendar;

namespace MotCua.IntegrationTests.Features.Calendar;

/// <summary>Stands in for the dossier feature: records every calendar change it is told about.</summary>
public sealed class RecordingChangeHandler : ICalendarChangeHandler
{
    public ConcurrentQueue<(DateOnly From, DateOnly To, string Reason)> Calls { get; } = new();

    public Task OnCalendarChangedAsync(CalendarService calendars, DateOnly from, DateOnly to, string reason, CancellationToken ct)
    {
        Calls.Enqueue((from, to, reason));
        return Task.CompletedTask;
    }
}

public sealed class RecordingAppFactory : AppFactory
{
    public RecordingChangeHandler Handler { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<ICalendarChangeHandler>(Handler));
    }
}

public sealed class CalendarChangeHandlerTests(RecordingAppFactory app) : IClassFixture<RecordingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Adding_deleting_and_importing_days_tell_the_handlers_which_dates_changed()
    {
        var admin = await app.ClientFor("admin");
        app.Handler.Calls.Clear();

        var post = await admin.PostAsJsonAsync("/api/v1/calendar/days", new { date = "2025-10-10", kind = "holiday", name = "Thử (dữ liệu mẫu)" }, Ct);
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/calendar/days/2025-10-10", Ct)).StatusCode);
        var csv = "date,name,kind,source\n2031-05-02,Nghỉ bù (dữ liệu mẫu),holiday,test\n2031-02-03,Tết (dữ liệu mẫu),holiday,test\n2031-03-30,Sai,holiday-x,test\n";
        var import = await admin.PostAsync("/api/v1/calendar/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var unchanged = await admin.PostAsync("/api/v1/calendar/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);

        var calls = app.Handler.Calls.ToArray();
        Assert.Equal(3, calls.Length);
        Assert.Equal((new DateOnly(2025, 10, 10), new DateOnly(2025, 10, 10)), (calls[0].From, calls[0].To));
        Assert.Equal((new DateOnly(2025, 10, 10), new DateOnly(2025, 10, 10)), (calls[1].From, calls[1].To));
        Assert.Equal((new DateOnly(2031, 2, 3), new DateOnly(2031, 5, 2)), (calls[2].From, calls[2].To));
        Assert.All(calls, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
    }

    [Fact]
    public async Task A_refused_edit_tells_no_handler()
    {
        var admin = await app.ClientFor("admin");
        app.Handler.Calls.Clear();
        var post = await admin.PostAsJsonAsync("/api/v1/calendar/days", new { date = "2025-10-32", kind = "holiday", name = "Sai" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Empty(app.Handler.Calls);
    }
}
