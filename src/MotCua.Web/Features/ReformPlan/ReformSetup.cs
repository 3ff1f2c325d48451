using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public static class ReformSetup
{
    public static WebApplicationBuilder AddReformPlan(this WebApplicationBuilder builder)
    {
        return builder;
    }
}

public static class ReformSeed
{
    public static async Task SeedAsync(AppDbContext db, string dataFolder, CancellationToken ct = default)
    {
        await PlanSeed.SeedAsync(db, dataFolder, ct);
        await ReportObligationSeed.SeedAsync(db, ct);
        await ScoringSeed.SeedAsync(db, ct);
    }
}
