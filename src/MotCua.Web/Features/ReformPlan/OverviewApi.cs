namespace MotCua.Web.Features.ReformPlan;

public static class OverviewApi
{
    public static void Map(RouteGroupBuilder group) => _ = group;
}
