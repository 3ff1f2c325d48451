using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Infrastructure;

public sealed class MigrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    // Each database pass checks its own provider's migration set (ADR 0002: one set per provider).
    [Fact]
    public void The_model_has_no_changes_without_a_migration()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), $"{db.GetType().Name} has model changes without a migration: run scripts/add-migration.sh NAME");
    }
}
