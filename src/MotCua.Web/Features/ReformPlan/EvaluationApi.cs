namespace MotCua.Web.Features.ReformPlan;

public static class EvaluationApi
{
    public static void Map(RouteGroupBuilder group) => _ = group;
}
