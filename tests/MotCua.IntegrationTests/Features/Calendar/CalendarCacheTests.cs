using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Calendar;
using MotCua.Testing;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Calendar;

public sealed class CalendarCacheTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Each "instance" has its own in-process cache over the one shared database.
    private CalendarService Instance(IServiceScope scope, CalendarCache cache) => new(
        scope.ServiceProvider.GetRequiredService<AppDbContext>(), cache, [], app.Clock, scope.ServiceProvider.GetRequiredService<IConfiguration>());

    [Fact]
    public async Task An_edit_on_one_instance_is_seen_by_another_on_its_next_request()
    {
        _ = app.Services;
        var (cacheA, cacheB) = (new CalendarCache(), new CalendarCache());
        var day = new DateOnly(2025, 10, 15);

        using (var scope = app.Services.CreateScope())
        {
            Assert.True((await Instance(scope, cacheB).ForUnitAsync(null, Ct)).IsWorkingDay(day));
        }

        using (var scope = app.Services.CreateScope())
        {
            await Instance(scope, cacheA).UpsertAsync(new CalendarEdit(day, CalendarDayKind.Holiday, "Nghỉ thử (dữ liệu mẫu)", null), null, "test", Ct);
        }

        using (var scope = app.Services.CreateScope())
        {
            Assert.False((await Instance(scope, cacheB).ForUnitAsync(null, Ct)).IsWorkingDay(day));
        }

        using (var scope = app.Services.CreateScope())
        {
            await Instance(scope, cacheA).DeleteAsync(day, null, "test", Ct);
        }

        using (var scope = app.Services.CreateScope())
        {
            Assert.True((await Instance(scope, cacheB).ForUnitAsync(null, Ct)).IsWorkingDay(day));
        }
    }

    [Fact]
    public async Task An_unchanged_calendar_is_built_once_per_instance()
    {
        _ = app.Services;
        var cache = new CalendarCache();
        using var scope = app.Services.CreateScope();
        var first = await Instance(scope, cache).ForUnitAsync(null, Ct);
        var second = await Instance(scope, cache).ForUnitAsync(null, Ct);
        Assert.Same(first, second);
    }
}
