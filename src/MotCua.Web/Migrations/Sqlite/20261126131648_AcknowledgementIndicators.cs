using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AcknowledgementIndicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AckDue",
                table: "IndicatorAggregates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "AckLate",
                table: "IndicatorAggregates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "AckOnTime",
                table: "IndicatorAggregates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AckDue",
                table: "IndicatorAggregates");

            migrationBuilder.DropColumn(
                name: "AckLate",
                table: "IndicatorAggregates");

            migrationBuilder.DropColumn(
                name: "AckOnTime",
                table: "IndicatorAggregates");
        }
    }
}
