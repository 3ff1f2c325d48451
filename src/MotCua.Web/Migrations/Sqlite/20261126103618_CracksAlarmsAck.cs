using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CracksAlarmsAck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AckDeadlineUtc",
                table: "Dossiers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AcknowledgedAtUtc",
                table: "Dossiers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAtUtc",
                table: "Dossiers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Alarms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DossierId = table.Column<long>(type: "INTEGER", nullable: false),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NextAction = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SinceUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RaisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    NotifiedUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    NotifiedUnitPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    LevelSinceUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextEscalationUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alarms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastRunStartedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastRunFinishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Runs = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alarms_DossierId_Kind_SinceUtc",
                table: "Alarms",
                columns: new[] { "DossierId", "Kind", "SinceUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alarms_ResolvedAtUtc_NotifiedUnitPath",
                table: "Alarms",
                columns: new[] { "ResolvedAtUtc", "NotifiedUnitPath" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alarms");

            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropColumn(
                name: "AckDeadlineUtc",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAtUtc",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "SubmittedAtUtc",
                table: "Dossiers");
        }
    }
}
