using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NationalPortalSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NationalSynced",
                table: "IndicatorAggregates",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "NationalSynced",
                table: "Dossiers",
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NationalSyncs",
                columns: table => new
                {
                    DossierId = table.Column<long>(type: "bigint", nullable: false),
                    DossierCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AddedAtPortal = table.Column<bool>(type: "boolean", nullable: false),
                    ProgressSentThrough = table.Column<long>(type: "bigint", nullable: false),
                    SyncedVersion = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LeaseUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastAttemptAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSyncedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalSyncs", x => x.DossierId);
                    table.ForeignKey(
                        name: "FK_NationalSyncs_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_NationalUnsynced",
                table: "Dossiers",
                column: "UpdatedAtUtc",
                filter: "NOT \"NationalSynced\"");

            migrationBuilder.CreateIndex(
                name: "IX_NationalSyncs_Failed",
                table: "NationalSyncs",
                column: "LastAttemptAtUtc",
                filter: "\"LastError\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NationalSyncs");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_NationalUnsynced",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "NationalSynced",
                table: "IndicatorAggregates");

            migrationBuilder.DropColumn(
                name: "NationalSynced",
                table: "Dossiers");
        }
    }
}
