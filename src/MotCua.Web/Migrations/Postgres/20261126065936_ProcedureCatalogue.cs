using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MotCua.Web.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    VersionNo = table.Column<int>(type: "integer", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Field = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Levels = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CompetentUnitKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProcessingDays = table.Column<int>(type: "integer", nullable: true),
                    ProcessingHours = table.Column<int>(type: "integer", nullable: true),
                    ProcessingTimeIsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    TemplateIsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    OnlineMode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OnlineModeIsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    ResultKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Source = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SourceHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SearchName = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SearchText = table.Column<string>(type: "character varying(1400)", maxLength: 1400, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Documents = table.Column<string>(type: "jsonb", nullable: true),
                    Fees = table.Column<string>(type: "jsonb", nullable: true),
                    Steps = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procedures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitProcedures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true)
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
