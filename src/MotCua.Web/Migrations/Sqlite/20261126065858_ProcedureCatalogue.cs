using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProcedureCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Procedures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    VersionNo = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Levels = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CompetentUnitKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProcessingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ProcessingHours = table.Column<int>(type: "INTEGER", nullable: true),
                    ProcessingTimeIsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    TemplateIsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    OnlineMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OnlineModeIsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResultKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SourceHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 1400, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Documents = table.Column<string>(type: "TEXT", nullable: true),
                    Fees = table.Column<string>(type: "TEXT", nullable: true),
                    Steps = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procedures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitProcedures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitProcedures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitProcedures_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Procedures_Code_ValidTo",
                table: "Procedures",
                columns: new[] { "Code", "ValidTo" });

            migrationBuilder.CreateIndex(
                name: "IX_Procedures_Code_VersionNo",
                table: "Procedures",
                columns: new[] { "Code", "VersionNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procedures_Field",
                table: "Procedures",
                column: "Field");

            migrationBuilder.CreateIndex(
                name: "IX_UnitProcedures_ProcedureCode",
                table: "UnitProcedures",
                column: "ProcedureCode");

            migrationBuilder.CreateIndex(
                name: "IX_UnitProcedures_UnitId_ProcedureCode_ValidFrom",
                table: "UnitProcedures",
                columns: new[] { "UnitId", "ProcedureCode", "ValidFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Procedures");

            migrationBuilder.DropTable(
                name: "UnitProcedures");
        }
    }
}
