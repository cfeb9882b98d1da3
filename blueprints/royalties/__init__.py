"""Each portal's monthly plan, quota board and royalties ("nhuận bút")."""
