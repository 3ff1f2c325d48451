using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReformMeasurementsAndSchemes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EvidenceName",
                table: "PlanTargets");

            migrationBuilder.DropColumn(
                name: "EvidenceSha256",
                table: "PlanTargets");

            migrationBuilder.DropColumn(
                name: "ManualNote",
                table: "PlanTargets");

            migrationBuilder.DropColumn(
                name: "ManualValue",
                table: "PlanTargets");

            migrationBuilder.CreateTable(
                name: "PlanTargetMeasurements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvidenceSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EvidenceName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTargetMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanTargetMeasurements_PlanTargets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "PlanTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScoringSchemes_Year",
                table: "ScoringSchemes",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanTargetMeasurements_TargetId_EnteredAt",
                table: "PlanTargetMeasurements",
                columns: new[] { "TargetId", "EnteredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanTargetMeasurements");

            migrationBuilder.DropIndex(
                name: "IX_ScoringSchemes_Year",
                table: "ScoringSchemes");

            migrationBuilder.AddColumn<string>(
                name: "EvidenceName",
                table: "PlanTargets",
                type: "TEXT",
                maxLength: 260,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EvidenceSha256",
                table: "PlanTargets",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ManualNote",
                table: "PlanTargets",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ManualValue",
                table: "PlanTargets",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);
        }
    }
}
