using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RoutingIdentityCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Identified",
                table: "IndicatorAggregates",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "TransferredBetweenUnits",
                table: "IndicatorAggregates",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AlterColumn<bool>(
                name: "RoutedElectronically",
                table: "Dossiers",
                type: "boolean",
                nullable: true,
                oldClrType: typeof(bool),
                oldType: "boolean");

            // Live dossiers never handed between two units are outside the routing indicator (ADR 0009); before this
            // release every dossier said true. Imported ones keep what their file said. Rebuild the aggregates after.
            migrationBuilder.Sql("""
                UPDATE "Dossiers" SET "RoutedElectronically" = NULL
                WHERE NOT EXISTS (SELECT 1 FROM "DossierEvents" e WHERE e."DossierId" = "Dossiers"."Id"
                    AND (e."Action" = 'imported' OR (e."Action" = 'forward' AND e."ToUnitCode" IS NOT NULL AND e."ToUnitCode" <> COALESCE(e."UnitCode", ''))));
                """);

            migrationBuilder.AddColumn<bool>(
                name: "IdentityVerified",
                table: "Dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Medium",
                table: "DossierEvents",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Identified",
                table: "IndicatorAggregates");

            migrationBuilder.DropColumn(
                name: "TransferredBetweenUnits",
                table: "IndicatorAggregates");

            migrationBuilder.DropColumn(
                name: "IdentityVerified",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "Medium",
                table: "DossierEvents");

            migrationBuilder.AlterColumn<bool>(
                name: "RoutedElectronically",
                table: "Dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "boolean",
                oldNullable: true);
        }
    }
}
