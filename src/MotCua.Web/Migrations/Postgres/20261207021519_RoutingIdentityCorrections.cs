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
