using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnnualPlanPeriodUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Plans_IssuingUnitId",
                table: "Plans");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_AnnualPeriod",
                table: "Plans",
                columns: new[] { "IssuingUnitId", "PeriodFrom" },
                unique: true,
                filter: "\"PeriodFrom\" = \"PeriodTo\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Plans_AnnualPeriod",
                table: "Plans");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_IssuingUnitId",
                table: "Plans",
                column: "IssuingUnitId");
        }
    }
}
