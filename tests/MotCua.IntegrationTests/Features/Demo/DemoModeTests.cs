using MotCua.Testing;

namespace MotCua.IntegrationTests.Features.Demo;

public sealed class DemoModeTests
{
    [Fact]
    public void Outside_demo_mode_the_app_refuses_to_start_while_a_demo_password_remains()
    {
        using var demo = new AppFactory();
        demo.CreateClient(); // seeds the demo accounts on this database

        using var production = demo.WithWebHostBuilder(b => b.UseSetting("Demo:Enabled", "false"));
        var ex = Assert.ThrowsAny<Exception>(() => production.CreateClient());
        Assert.Contains("demo password", ex.ToString());
    }
}
