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
    public void The_tracking_check_is_multiplexed_unless_the_connection_string_says_otherwise()
    {
        Assert.True(new NpgsqlConnectionStringBuilder(TrackingCache.HeadConnectionString("Host=127.0.0.1")).Multiplexing);
        Assert.False(new NpgsqlConnectionStringBuilder(TrackingCache.HeadConnectionString("Host=127.0.0.1;Multiplexing=false")).Multiplexing);
    }
}
