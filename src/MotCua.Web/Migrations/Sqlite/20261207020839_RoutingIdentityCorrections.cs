using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Web.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "TransferredBetweenUnits",
                table: "IndicatorAggregates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AlterColumn<bool>(
                name: "RoutedElectronically",
                table: "Dossiers",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(bool),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<bool>(
                name: "IdentityVerified",
                table: "Dossiers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Medium",
                table: "DossierEvents",
                type: "TEXT",
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
