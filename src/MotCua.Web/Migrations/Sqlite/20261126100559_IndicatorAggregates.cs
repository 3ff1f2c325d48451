using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndicatorAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorAggregates",
                columns: table => new
                {
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Grain = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UnitPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Received = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedOnline = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedPostal = table.Column<long>(type: "INTEGER", nullable: false),
                    FeeBearing = table.Column<long>(type: "INTEGER", nullable: false),
                    FeeBearingPaidOnline = table.Column<long>(type: "INTEGER", nullable: false),
                    Digitized = table.Column<long>(type: "INTEGER", nullable: false),
                    Reused = table.Column<long>(type: "INTEGER", nullable: false),
                    Finished = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedOnTime = table.Column<long>(type: "INTEGER", nullable: false),
                    ElectronicResult = table.Column<long>(type: "INTEGER", nullable: false),
                    RoutedElectronically = table.Column<long>(type: "INTEGER", nullable: false),
                    Returned = table.Column<long>(type: "INTEGER", nullable: false),
                    Rated = table.Column<long>(type: "INTEGER", nullable: false),
                    RatedGood = table.Column<long>(type: "INTEGER", nullable: false),
                    ReturnedDissatisfied = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenIn = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenOut = table.Column<long>(type: "INTEGER", nullable: false),
                    OnTimeIn = table.Column<long>(type: "INTEGER", nullable: false),
                    OnTimeOut = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorAggregates", x => new { x.ProcedureCode, x.Grain, x.Day, x.UnitPath });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorAggregates");
        }
    }
}
