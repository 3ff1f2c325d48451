using MotCua.Web.Features.Tracking;
using MotCua.Web.Infrastructure;
using Npgsql;

namespace MotCua.IntegrationTests.Features.Performance;

public sealed class NpgsqlSettingsTests
{
    [Fact]
    public void Defaults_prepare_statements_and_skip_the_reset_when_the_connection_string_is_silent()
    {
        var csb = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=127.0.0.1;Username=postgres"));

        Assert.Equal(64, csb.MaxAutoPrepare);
        Assert.True(csb.NoResetOnClose);
        Assert.False(csb.Multiplexing);
    }

    [Fact]
    public void Settings_named_in_the_connection_string_are_kept_whatever_their_spelling()
    {
        var csb = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=127.0.0.1;maxautoprepare=5;No Reset On Close=false"));

        Assert.Equal(5, csb.MaxAutoPrepare);
        Assert.False(csb.NoResetOnClose);
    }

    [Fact]
    public void The_tracking_check_has_a_pool_of_its_own_and_no_multiplexing_which_Npgsql_11_removes()
    {
        var csb = new NpgsqlConnectionStringBuilder(TrackingCache.HeadConnectionString("Host=127.0.0.1"));
        Assert.Equal("motcua-tracking", csb.ApplicationName);
        Assert.False(csb.Multiplexing);
    }
}
